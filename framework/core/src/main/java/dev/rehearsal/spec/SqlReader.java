package dev.rehearsal.spec;

import dev.rehearsal.spec.internal.Containment;
import dev.rehearsal.spec.internal.Fields;
import dev.rehearsal.spec.internal.Node;
import dev.rehearsal.spec.internal.ScalarNode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** Reads {@code prefixes.source.sql}: {@code files} (DuckDB) or {@code from}, the URL and the column names. */
final class SqlReader {

  static final Set<String> KEYS = Set.of("url", "files", "from", "columns");
  static final Set<String> COLUMN_KEYS = Set.of("conversation", "turn", "role", "content");
  private final SpecContext context;

  SqlReader(SpecContext context) {
    this.context = context;
  }

  SqlSpec read(Node node, Path specFile) {
    Fields f = Fields.of(node, KEYS);
    String url = f.optional("url").map(SqlReader::url).orElse(SqlSpec.DEFAULT_URL);
    if (f.optional("files").isPresent() == f.optional("from").isPresent()) {
      throw f.node().error("Give exactly one of 'files' (a glob of Parquet, JSON-lines or CSV files, relative to the"
          + " gate file) or 'from' (a table, view or table function of the engine, e.g. analytics.chat_turns).");
    }
    if (f.optional("files").isPresent() && !url.startsWith(SqlSpec.DEFAULT_URL)) {
      throw f.require("files").error("'files' is read by the embedded DuckDB engine (url jdbc:duckdb:...); for another"
          + " engine name its table with 'from'.");
    }
    Optional<String> files = f.optional("files").map(n -> glob(Fields.asScalar(n), specFile));
    String shown = f.optionalString("files").orElseGet(() -> f.string("from"));
    return new SqlSpec(url, files, f.optionalString("from"), shown, columns(f), f.mark());
  }

  private static String url(Node node) {
    ScalarNode url = Fields.asScalar(node);
    if (!url.text().startsWith("jdbc:")) {
      throw url.error("A JDBC URL starts with 'jdbc:' but " + url.shown() + " does not; e.g. \"${WAREHOUSE_URL}\""
          + " or \"jdbc:duckdb:\" (the default, embedded).");
    }
    return url.text();
  }

  private static SqlSpec.Columns columns(Fields f) {
    if (f.optional("columns").isEmpty()) {
      return SqlSpec.Columns.DEFAULT;
    }
    Fields c = Fields.of(f.require("columns"), COLUMN_KEYS);
    SqlSpec.Columns d = SqlSpec.Columns.DEFAULT;
    return new SqlSpec.Columns(c.optionalString("conversation").orElse(d.conversation()),
        c.optionalString("turn").orElse(d.turn()), c.optionalString("role").orElse(d.role()),
        c.optionalString("content").orElse(d.content()));
  }

  /** The glob resolved against the gate file's folder; its fixed part must stay inside the project. */
  private String glob(ScalarNode node, Path specFile) {
    String text = node.text();
    int wild = firstWildcard(text);
    String fixed = text.substring(0, wild < 0 ? text.length() : text.lastIndexOf('/', wild) + 1);
    Path base = specFile.getParent().resolve(fixed.isEmpty() ? "." : fixed).toAbsolutePath().normalize();
    if (!Containment.inside(base, context.projectRoot())) {
      throw node.error("Files " + node.shown() + " resolve outside the project root " + context.projectRoot()
          + " (symbolic links resolved). Keep logs inside it, or name a table with 'from'.");
    }
    String rest = text.substring(fixed.length());
    return rest.isEmpty() ? base.toString() : base.resolve(rest).toString();
  }

  private static int firstWildcard(String text) {
    for (int i = 0; i < text.length(); i++) {
      if ("*?[{".indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
