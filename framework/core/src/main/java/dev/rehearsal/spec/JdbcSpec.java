package dev.rehearsal.spec;

import org.apiguardian.api.API;

/**
 * A warehouse query that returns one conversation per row, so the warehouse does the heavy filtering.
 *
 * @param url the JDBC URL, usually from the environment ({@code ${WAREHOUSE_URL}}); never shown
 * @param query the SQL query
 * @param column the column holding the record (JSON text in the source's format)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record JdbcSpec(String url, String query, String column) {

  /** The subprotocol only ({@code jdbc:sqlite}), since the rest of the URL may hold credentials. */
  public String describe() {
    String[] parts = url.split(":", 3);
    return (parts.length >= 2 ? parts[0] + ":" + parts[1] : "jdbc") + " query, column " + column;
  }

  @Override
  public String toString() {
    return "JdbcSpec[" + describe() + "]";
  }
}
