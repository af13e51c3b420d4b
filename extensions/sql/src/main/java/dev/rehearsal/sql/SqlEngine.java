package dev.rehearsal.sql;

import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.apiguardian.api.API;

/**
 * Where the generated SQL runs: a JDBC connection, or any engine that can run a query and describe a
 * relation's columns (the Spark tests run it through a {@code SparkSession}).
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface SqlEngine extends AutoCloseable {

  /** How the engine spells types, identifiers and literals. */
  SqlDialect dialect();

  /** The columns of a relation (a table, view or table function call), in order. */
  List<Column> columns(String relation) throws SQLException;

  /** Runs a query and returns every row; the draw's queries return counts and the sample only. */
  List<List<@Nullable Object>> rows(String sql) throws SQLException;

  @Override
  void close() throws SQLException;

  /**
   * A column of a relation.
   *
   * @param name its name as the engine spells it
   * @param kind what kind of value it holds
   * @param type the engine's type name, for messages
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  record Column(String name, Kind kind, String type) {}

  /** The kinds of column the draw distinguishes. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  enum Kind { TEXT, INTEGER, OTHER }
}
