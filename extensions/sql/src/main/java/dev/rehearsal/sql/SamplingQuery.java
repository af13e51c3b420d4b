package dev.rehearsal.sql;

import dev.rehearsal.conversation.Role;
import dev.rehearsal.prefix.Md5Key;
import dev.rehearsal.prefix.PrefixSampler;
import dev.rehearsal.spec.EligibilitySpec;
import dev.rehearsal.spec.PrefixSpec;
import dev.rehearsal.spec.SegmentSpec;
import dev.rehearsal.spec.SqlSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the two queries of a push-down draw over a table of one row per turn: the counts (turn rows,
 * conversations, rejected user turns by reason, eligible user turns by segment) and the draw (per
 * stratum, the n_h eligible user turns with the smallest MD5 keys, and the turns of their prefixes
 * through the logged reply). Both share one chain of CTEs, so eligibility and segments are computed the
 * same way in each; only the allocation, computed from the counts, differs.
 */
final class SamplingQuery {

  /** Roles a turn row may have; other rows are counted as bad records. */
  static final List<String> ROLES = List.of("user", "assistant", "system", "developer", "tool");

  private final PrefixSpec spec;
  private final String relation;
  private final SqlDialect d;
  private final SqlSpec.Columns columns;
  private final List<String> metadata;
  private final SqlRules rules;

  SamplingQuery(PrefixSpec spec, String relation, SqlDialect dialect) {
    this.spec = spec;
    this.relation = relation;
    this.d = dialect;
    this.columns = spec.source().sql().orElseThrow().columns();
    this.metadata = metadataColumns(spec);
    this.rules = new SqlRules(dialect, metadata);
  }

  /** The metadata keys that eligibility rules and segment rules read, each a column of the table. */
  static List<String> metadataColumns(PrefixSpec spec) {
    Set<String> keys = new LinkedHashSet<>();
    EligibilitySpec e = spec.eligible();
    e.metadata().forEach(m -> keys.add(m.key()));
    if (!e.languages().isEmpty()) {
      keys.add(e.languageField());
    }
    for (SegmentSpec s : spec.segments()) {
      s.rule().conditions().stream().filter(c -> c.field().startsWith("metadata."))
          .forEach(c -> keys.add(c.field().substring("metadata.".length())));
    }
    return List.copyOf(keys);
  }

  List<String> metadata() {
    return metadata;
  }

  /**
   * Rows (kind, name, n): turn rows, valid turn rows, conversations, rejected user turns by reason and
   * eligible user turns by segment (one aggregate over the user turns).
   */
  String counts() {
    return ctes() + "\n"
        + "SELECT 'turns' AS kind, '' AS name, COUNT(*) AS n FROM " + relation + " src\n"
        + "UNION ALL SELECT 'valid', '', COUNT(*) FROM t0\n"
        + "UNION ALL SELECT 'conversations', '', COUNT(DISTINCT cid) FROM t0\n"
        + "UNION ALL SELECT CASE WHEN reason IS NULL THEN 'eligible' ELSE 'rejected' END, COALESCE(reason, segment),"
        + " COUNT(*) FROM u GROUP BY reason, segment";
  }

  /**
   * Rows (kind, cid, n, a, b, metadata...): {@code p} rows are sampled user turns (n = ordinal, a =
   * segment, b = key); {@code t} rows are turns of their conversations through the last sampled prefix's
   * logged reply (n = position, a = role, b = text).
   *
   * @param allocation n_h per segment, or {@code ""} for one uniform sample
   * @param below per segment (or {@code ""}), the hex key that candidates must not exceed, so only a
   *     small share of the eligible turns is ranked; empty to rank them all
   */
  String draw(Map<String, Integer> allocation, Map<String, String> below) {
    String partition = spec.sample().stratified() ? "PARTITION BY segment " : "";
    String key = "SUBSTR(MD5(CONCAT(" + d.literal(spec.sample().seed() + "/") + ", cid, '/', " + d.text("ordinal")
        + ")), 1, " + Md5Key.HEX_DIGITS + ")";
    String meta = metadata.isEmpty() ? "" : ", " + metaList("");
    String nulls = metadata.stream().map(m -> ", " + d.nullText()).collect(Collectors.joining());
    return ctes() + ",\n"
        + "keyed AS (SELECT cid, pos, ordinal, segment" + meta + ", " + key + " AS k FROM u WHERE reason IS NULL),\n"
        + "cand AS (SELECT * FROM keyed" + (below.isEmpty() ? "" : " WHERE k <= " + bySegment(below)) + "),\n"
        + "ranked AS (SELECT cand.*, ROW_NUMBER() OVER (" + partition + "ORDER BY k, cid, ordinal) AS rn FROM cand),\n"
        + "chosen AS (SELECT * FROM ranked WHERE rn <= " + limit(allocation) + "),\n"
        + "reach AS (SELECT cid, MAX(pos) + 1 AS upto FROM chosen GROUP BY cid),\n"
        + "needed AS (SELECT t.cid, t.ti, t.pos, t.r FROM t JOIN reach ON t.cid = reach.cid AND t.pos <= reach.upto)\n"
        + "SELECT 'p' AS kind, cid, CAST(ordinal AS BIGINT) AS n, segment AS a, k AS b" + meta + " FROM chosen\n"
        // Texts are read only here, for the sampled conversations: the windows above never carry them.
        + "UNION ALL SELECT 't', needed.cid, CAST(needed.pos AS BIGINT), needed.r, COALESCE("
        + d.text("src." + d.identifier(columns.content())) + ", '')" + nulls + " FROM needed JOIN " + relation + " src ON "
        + d.text("src." + d.identifier(columns.conversation())) + " = needed.cid AND src." + d.identifier(columns.turn())
        + " = needed.ti";
  }

  private String bySegment(Map<String, String> below) {
    if (!spec.sample().stratified()) {
      return d.literal(below.get(""));
    }
    StringBuilder out = new StringBuilder("CASE segment");
    below.forEach((segment, hex) -> out.append(" WHEN ").append(d.literal(segment)).append(" THEN ").append(d.literal(hex)));
    return out.append(" ELSE '' END").toString();
  }

  private String limit(Map<String, Integer> allocation) {
    if (!spec.sample().stratified()) {
      return Integer.toString(allocation.getOrDefault("", 0));
    }
    StringBuilder out = new StringBuilder("CASE segment");
    allocation.forEach((segment, n) -> out.append(" WHEN ").append(d.literal(segment)).append(" THEN ").append(n));
    return out.append(" ELSE 0 END").toString();
  }

  /**
   * t0: valid rows renamed, texts reduced to their length; t: running features per turn; f: user turns
   * with the first rejecting rule; u: the same with the segment of each eligible one.
   */
  private String ctes() {
    String window = "OVER (PARTITION BY cid ORDER BY ti ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)";
    String role = "LOWER(" + d.identifier(columns.role()) + ")";
    List<String> t0 = new ArrayList<>(List.of(
        d.text(d.identifier(columns.conversation())) + " AS cid",
        d.identifier(columns.turn()) + " AS ti",
        "CASE " + role + " WHEN 'developer' THEN 'system' ELSE " + role + " END AS r",
        "LENGTH(COALESCE(" + d.text(d.identifier(columns.content())) + ", '')) AS len"));
    for (int i = 0; i < metadata.size(); i++) {
      t0.add(d.text(d.identifier(metadata.get(i))) + " AS m" + i);
    }
    List<String> t = new ArrayList<>(List.of("cid", "ti", "r",
        "ROW_NUMBER() OVER (PARTITION BY cid ORDER BY ti) AS pos",
        "SUM(CASE WHEN r = 'user' THEN 1 ELSE 0 END) " + window + " AS users",
        "SUM(len) " + window + " AS chars",
        "MAX(CASE WHEN r = 'tool' THEN 1 ELSE 0 END) " + window + " AS tools",
        "LEAD(r) OVER (PARTITION BY cid ORDER BY ti) AS next_r"));
    for (Role r : spec.eligible().requiredRoles()) {
      t.add("MAX(CASE WHEN r = '" + r.wireName() + "' THEN 1 ELSE 0 END) " + window + " AS has_" + r.wireName());
    }
    for (int i = 0; i < metadata.size(); i++) {
      // The same partition and order as the other windows, so the engine sorts the turns once (DuckDB
      // sorts again for a window without ORDER BY: 5 s of 8 s on 1.3M turn rows in the profile).
      t.add("MAX(m" + i + ") OVER (PARTITION BY cid ORDER BY ti ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)"
          + " AS m" + i);
    }
    String meta = metadata.isEmpty() ? "" : ", " + metaList("");
    return "WITH t0 AS (SELECT " + String.join(", ", t0) + " FROM " + relation + " src WHERE " + valid() + "),\n"
        + "t AS (SELECT " + String.join(", ", t) + " FROM t0),\n"
        + "f AS (SELECT cid, pos, users - 1 AS ordinal, users, chars, tools" + meta + ", " + rules.reason(spec.eligible())
        + " AS reason FROM t WHERE r = 'user'),\n"
        + "u AS (SELECT f.*, CASE WHEN reason IS NULL THEN " + rules.segment(spec.segments(), PrefixSampler.UNSEGMENTED)
        + " END AS segment FROM f)";
  }

  private String metaList(String prefix) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < metadata.size(); i++) {
      out.add(prefix + "m" + i);
    }
    return String.join(", ", out);
  }

  /** A row the draw can use: conversation, turn and a known role all present. */
  private String valid() {
    return d.identifier(columns.conversation()) + " IS NOT NULL AND " + d.identifier(columns.turn()) + " IS NOT NULL AND "
        + "LOWER(" + d.identifier(columns.role()) + ") IN ("
        + ROLES.stream().map(d::literal).collect(Collectors.joining(", ")) + ")";
  }
}
