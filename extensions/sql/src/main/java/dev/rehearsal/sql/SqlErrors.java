package dev.rehearsal.sql;

import dev.rehearsal.spec.SqlSpec;
import java.sql.SQLException;
import java.util.Locale;

/** Engine errors as messages a gate author can act on, never showing the JDBC URL. */
final class SqlErrors {

  private SqlErrors() {}

  static String explain(SqlSpec sql, SQLException e) {
    String message = e.getMessage() == null ? "no message" : e.getMessage().replace(sql.url(), "<url not shown>");
    String lower = message.toLowerCase(Locale.ROOT);
    String where = "The sql source (" + sql.describe() + ", " + sql.mark() + ")";
    if (lower.contains("no files found")) {
      return where + " matched no files. Check the glob in prefixes.source.sql.files (relative to the gate file;"
          + " ** matches folders) and that the logs were written there.";
    }
    return where + " failed: " + message + ". Check the URL (prefixes.source.sql.url, from the environment), that the"
        + " driver is on the classpath, the relation in 'from' or 'files', and its columns (docs/sql-sampling.md).";
  }
}
