package dev.rehearsal.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The generated SQL over a JDBC connection; the driver comes from the classpath. */
final class JdbcEngine implements SqlEngine {

  private static final Set<Integer> TEXT = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR,
      Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB);
  private static final Set<Integer> INTEGER = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT);
  private final Connection connection;
  private final SqlDialect dialect;

  JdbcEngine(String url) throws SQLException {
    this.dialect = SqlDialect.of(url);
    this.connection = DriverManager.getConnection(url);
  }

  @Override
  public SqlDialect dialect() {
    return dialect;
  }

  @Override
  public List<Column> columns(String relation) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rows = s.executeQuery("SELECT * FROM " + relation + " src LIMIT 0")) {
      ResultSetMetaData meta = rows.getMetaData();
      List<Column> out = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        out.add(new Column(meta.getColumnLabel(i), kind(meta.getColumnType(i), meta.getColumnTypeName(i)),
            meta.getColumnTypeName(i)));
      }
      return out;
    }
  }

  private static Kind kind(int type, String name) {
    if (TEXT.contains(type) || name.equalsIgnoreCase("text") || name.equalsIgnoreCase("varchar")) {
      return Kind.TEXT;
    }
    // DuckDB reports HUGEINT and unsigned integers by name.
    return INTEGER.contains(type) || name.toUpperCase(java.util.Locale.ROOT).matches("U?(TINY|SMALL|HUGE|BIG)?INT(EGER)?")
        ? Kind.INTEGER : Kind.OTHER;
  }

  @Override
  public List<List<@Nullable Object>> rows(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.setFetchSize(1000);
      try (ResultSet rows = s.executeQuery(sql)) {
        int n = rows.getMetaData().getColumnCount();
        List<List<@Nullable Object>> out = new ArrayList<>();
        while (rows.next()) {
          List<@Nullable Object> row = new ArrayList<>(n);
          for (int i = 1; i <= n; i++) {
            row.add(rows.getObject(i));
          }
          out.add(row);
        }
        return out;
      }
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
