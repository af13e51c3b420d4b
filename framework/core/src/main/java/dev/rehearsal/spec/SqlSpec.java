package dev.rehearsal.spec;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A log table that the engine holding it samples itself (push-down): one row per turn, read with
 * {@code format: turn-rows}. The engine runs eligibility, stratification and the seeded bottom-k draw,
 * so only the sample and the counts leave it.
 *
 * @param url the JDBC URL; {@code jdbc:duckdb:} (embedded, in memory) unless given; never shown
 * @param files a glob of Parquet, JSON-lines or CSV files, resolved against the gate file's folder
 *     (DuckDB only); empty when {@code from} is given
 * @param from a table, view or table function of the engine ({@code analytics.chat_turns}); empty
 *     when {@code files} is given
 * @param shown how messages name the relation: the glob as written, or {@code from}
 * @param columns the names of the four required columns
 * @param mark where the source is declared
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SqlSpec(String url, Optional<String> files, Optional<String> from, String shown, Columns columns,
    Mark mark) {

  /** The embedded engine used when no URL is given. */
  public static final String DEFAULT_URL = "jdbc:duckdb:";

  /**
   * Which columns hold the conversation id, the turn's position, its role and its text; every other
   * column may be named as {@code metadata.<column>} in eligibility rules and segment rules.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public record Columns(String conversation, String turn, String role, String content) {

    /** The defaults: {@code conversation_id, turn_index, role, content}. */
    public static final Columns DEFAULT = new Columns("conversation_id", "turn_index", "role", "content");
  }

  /** The subprotocol and relation only ({@code sql jdbc:duckdb over logs/*.parquet}): never the URL. */
  public String describe() {
    String[] parts = url.split(":", 3);
    return "sql " + (parts.length >= 2 ? parts[0] + ":" + parts[1] : "jdbc") + " over " + shown;
  }

  @Override
  public String toString() {
    return "SqlSpec[" + describe() + "]";
  }
}
