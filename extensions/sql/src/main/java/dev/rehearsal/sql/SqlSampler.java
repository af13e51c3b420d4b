package dev.rehearsal.sql;

import dev.rehearsal.prefix.Allocations;
import dev.rehearsal.prefix.BadDataException;
import dev.rehearsal.prefix.DeidGuard;
import dev.rehearsal.prefix.PrefixSampler;
import dev.rehearsal.prefix.Sample;
import dev.rehearsal.prefix.SourceReport;
import dev.rehearsal.spec.BadDataSpec;
import dev.rehearsal.spec.PrefixSpec;
import dev.rehearsal.spec.SegmentSpec;
import dev.rehearsal.spec.SqlSpec;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Samples a table of one row per turn inside its engine: a counts query, the allocation (in Java, as
 * the streaming sampler does it), then a draw query that returns the sampled prefixes only. For the
 * same seed and conversations the sample equals {@link PrefixSampler}'s with {@code sample.key: md5}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SqlSampler {

  private final PrefixSpec spec;
  private final SqlSpec sql;
  private final SqlEngine engine;

  /** A sampler for a spec whose source is {@code sql}, running on {@code engine} (which it does not close). */
  public SqlSampler(PrefixSpec spec, SqlEngine engine) {
    this.spec = spec;
    this.sql = spec.source().sql().orElseThrow(() -> new IllegalArgumentException("The spec's source is not sql"));
    this.engine = engine;
  }

  public Sample sample() throws BadDataException {
    SamplingQuery query;
    String relation;
    String countsSql;
    try {
      relation = Relation.of(sql, engine.dialect());
      query = new SamplingQuery(spec, relation, engine.dialect());
      countsSql = query.counts();
    } catch (IllegalArgumentException e) {
      throw new BadDataException("The sql source (" + sql.describe() + ", " + sql.mark() + "): " + e.getMessage());
    }
    try {
      check(relation, query);
      Counts counts = Counts.read(engine.rows(countsSql), declared());
      failOnBadRows(counts);
      Map<String, Integer> allocation = Allocations.plan(spec.sample(), counts.population());
      SampleRows drawn = SampleRows.read(engine.rows(query.draw(allocation, KeyBound.of(allocation, counts, spec))),
          query.metadata());
      if (!drawn.fills(allocation)) {
        // Fewer candidates fell under the bound than the allocation needs (odds below 1e-20): rank them all.
        drawn = SampleRows.read(engine.rows(query.draw(allocation, Map.of())), query.metadata());
      }
      SourceReport report = counts.report(sql.describe());
      Map<String, Integer> planned = new LinkedHashMap<>(allocation);
      planned.remove("");
      return DeidGuard.apply(new Sample(drawn.prefixes(), report, counts.population(), planned), spec.deid());
    } catch (SQLException e) {
      throw new BadDataException(SqlErrors.explain(sql, e));
    }
  }

  private void check(String relation, SamplingQuery query) throws SQLException, BadDataException {
    try {
      new TableCheck(engine.columns(relation), "The sql source (" + sql.describe() + ")").require(sql.columns(),
          query.metadata());
    } catch (IllegalArgumentException e) {
      throw new BadDataException(e.getMessage());
    }
  }

  private List<String> declared() {
    return spec.segments().stream().map(SegmentSpec::id).toList();
  }

  private void failOnBadRows(Counts counts) throws BadDataException {
    if (counts.badRows() > 0 && spec.badRecords().policy() == BadDataSpec.Policy.FAIL) {
      throw new BadDataException(counts.badRowsProblem(sql.describe())
          + ", or set prefixes.bad-records.policy: skip to skip and count bad records.");
    }
  }

  /** What the counts query found, in the streaming sampler's terms. */
  record Counts(long turns, long validTurns, long conversations, Map<String, Long> rejected,
      Map<String, Long> population) {

    static Counts read(List<List<@Nullable Object>> rows, List<String> segments) {
      long turns = 0;
      long valid = 0;
      long conversations = 0;
      Map<String, Long> rejected = new TreeMap<>();
      Map<String, Long> population = new LinkedHashMap<>();
      segments.forEach(s -> population.put(s, 0L));
      for (List<@Nullable Object> row : rows) {
        String name = String.valueOf(row.get(1));
        long n = ((Number) row.get(2)).longValue();
        switch (String.valueOf(row.get(0))) {
          case "turns" -> turns = n;
          case "valid" -> valid = n;
          case "conversations" -> conversations = n;
          case "rejected" -> rejected.put(name, n);
          default -> population.merge(name, n, Long::sum);
        }
      }
      if (population.containsKey(PrefixSampler.UNSEGMENTED) && population.get(PrefixSampler.UNSEGMENTED) == 0) {
        population.remove(PrefixSampler.UNSEGMENTED);
      }
      return new Counts(turns, valid, conversations, rejected, population);
    }

    long badRows() {
      return turns - validTurns;
    }

    String badRowsProblem(String source) {
      return source + ": " + badRows() + " of " + turns + " rows have no conversation id or turn index, or a role other"
          + " than " + String.join(", ", SamplingQuery.ROLES) + "; fix or remove those rows";
    }

    SourceReport report(String source) {
      Map<String, Long> reasons = new TreeMap<>(rejected);
      if (badRows() > 0) {
        reasons.put("bad-record", badRows());
      }
      long eligible = population.values().stream().mapToLong(Long::longValue).sum();
      long userTurns = eligible + rejected.values().stream().mapToLong(Long::longValue).sum();
      List<String> problems = badRows() > 0 ? List.of(badRowsProblem(source)) : List.of();
      return new SourceReport(source, turns, conversations, userTurns, eligible, reasons, problems, 0, true);
    }
  }
}
