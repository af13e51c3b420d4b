package dev.rehearsal.prefix;

import dev.rehearsal.spec.JdbcSpec;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A warehouse query returning one record per row as JSON text in a named column, so the warehouse
 * does the heavy filtering (design section 11). The driver comes from the classpath; the URL, which
 * may carry credentials, is never shown.
 */
final class JdbcSource implements RecordSource {

  private static final int FETCH_SIZE = 1000;
  private final JdbcSpec jdbc;
  private final RecordParser parser;

  JdbcSource(JdbcSpec jdbc, RecordParser parser) {
    this.jdbc = jdbc;
    this.parser = parser;
  }

  @Override
  public String name() {
    return jdbc.describe();
  }

  @Override
  public void read(RecordSink sink) throws IOException {
    try (Connection connection = DriverManager.getConnection(jdbc.url());
        Statement statement = connection.createStatement()) {
      statement.setFetchSize(FETCH_SIZE);
      try (ResultSet rows = statement.executeQuery(jdbc.query())) {
        int column = column(rows);
        long row = 0;
        while (rows.next()) {
          row++;
          String value = rows.getString(column);
          String where = name() + ", row " + row;
          if (value == null) {
            sink.reject(row, where, "column '" + jdbc.column() + "' is NULL");
            continue;
          }
          try {
            sink.accept(parser.parse(value, "row-" + row, row));
          } catch (BadRecordException e) {
            sink.reject(row, where, e.getMessage());
          }
        }
      }
    } catch (SQLException e) {
      throw new BadDataException("The JDBC source (" + name() + ") failed: " + safe(e.getMessage())
          + ". Check the URL (prefixes.source.jdbc.url), that the driver is on the classpath, and the query.");
    }
  }

  private int column(ResultSet rows) throws BadDataException {
    try {
      return rows.findColumn(jdbc.column());
    } catch (SQLException e) {
      throw new BadDataException("The query's result has no column '" + jdbc.column()
          + "'; select it or set prefixes.source.jdbc.column to one of its columns.");
    }
  }

  private String safe(String message) {
    return message == null ? "no message" : message.replace(jdbc.url(), "<url not shown>");
  }
}
