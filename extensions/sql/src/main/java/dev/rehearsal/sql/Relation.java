package dev.rehearsal.sql;

import dev.rehearsal.spec.SqlSpec;
import java.util.Locale;

/** What the queries read FROM: the named relation, or DuckDB's reader for a glob of log files. */
final class Relation {

  private Relation() {}

  static String of(SqlSpec sql, SqlDialect dialect) {
    if (sql.from().isPresent()) {
      return sql.from().get();
    }
    String glob = sql.files().orElseThrow();
    String lower = glob.toLowerCase(Locale.ROOT).replaceFirst("\\.(gz|zst)$", "");
    String path = dialect.literal(glob);
    if (lower.endsWith(".parquet")) {
      return "read_parquet(" + path + ")";
    }
    if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
      return "read_json_auto(" + path + ", format = 'newline_delimited')";
    }
    if (lower.endsWith(".csv") || lower.endsWith(".tsv")) {
      return "read_csv_auto(" + path + ", header = true)";
    }
    throw new IllegalArgumentException("Cannot tell the format of files " + sql.shown() + " from the name; end the glob"
        + " with .parquet, .jsonl (or .ndjson, .json: one JSON object per line) or .csv, optionally .gz.");
  }
}
