package dev.rehearsal.sql;

import dev.rehearsal.prefix.BadDataException;
import dev.rehearsal.prefix.PushdownSampler;
import dev.rehearsal.prefix.Sample;
import dev.rehearsal.spec.PrefixSpec;
import dev.rehearsal.spec.SqlSpec;
import java.sql.SQLException;
import org.apiguardian.api.API;

/**
 * The {@code sql} source's sampler, found through {@link java.util.ServiceLoader}: connects to the
 * spec's JDBC URL (embedded DuckDB by default) and runs {@link SqlSampler} there.
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SqlPushdownSampler implements PushdownSampler {

  @Override
  public Sample sample(PrefixSpec spec) throws BadDataException {
    SqlSpec sql = spec.source().sql().orElseThrow(() -> new IllegalArgumentException("The spec's source is not sql"));
    try (JdbcEngine engine = open(sql)) {
      return new SqlSampler(spec, engine).sample();
    } catch (SQLException e) {
      throw new BadDataException(SqlErrors.explain(sql, e));
    }
  }

  private static JdbcEngine open(SqlSpec sql) throws BadDataException {
    try {
      return new JdbcEngine(sql.url());
    } catch (IllegalArgumentException e) {
      throw new BadDataException("The sql source (" + sql.describe() + ", " + sql.mark() + "): " + e.getMessage());
    } catch (SQLException e) {
      throw new BadDataException(SqlErrors.explain(sql, e));
    }
  }
}
