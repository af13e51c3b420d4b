package dev.rehearsal.run.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** One empty run store for a contract test: SQLite file here, a PostgreSQL schema in rehearsal-postgres. */
public interface StoreFixture extends AutoCloseable {

  /** A new {@link RunStore} on this fixture's store (call twice: two runners sharing it). */
  RunStore open();

  /** A plain JDBC connection to the same store, to look at or damage rows. */
  Connection raw() throws SQLException;

  /** The store's table names, sorted. */
  List<String> tables() throws SQLException;

  @Override
  void close() throws SQLException;
}
