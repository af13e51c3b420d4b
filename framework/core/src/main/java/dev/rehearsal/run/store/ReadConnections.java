package dev.rehearsal.run.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The store's read connections, each lent to one read at a time. WAL readers (SQLite) and MVCC
 * readers (PostgreSQL) block neither the writer nor each other, so a warm rerun reads its cached
 * replies in {@link #COUNT} chunks at once (issue 13 item 4).
 */
final class ReadConnections {

  /** Two: the cores of the small CI machines measured; on PostgreSQL each is one more server connection. */
  static final int COUNT = 2;

  private final List<Connection> all;
  private final BlockingQueue<Connection> idle;

  ReadConnections(List<Connection> connections) {
    if (connections.isEmpty()) {
      throw new IllegalArgumentException("connections must not be empty");
    }
    this.all = List.copyOf(connections);
    this.idle = new ArrayBlockingQueue<>(all.size(), false, all);
  }

  /** Runs {@code work} on an idle connection, waiting for one when every one is reading. */
  <T> T read(RunStore.SqlWork<T> work) throws SQLException {
    Connection c = take();
    try {
      return work.apply(c);
    } finally {
      idle.add(c);
    }
  }

  /** Closes every connection once the reads in flight have given theirs back. */
  void close() throws SQLException {
    for (int i = 0; i < all.size(); i++) {
      take();
    }
    SQLException first = null;
    for (Connection c : all) {
      try {
        c.close();
      } catch (SQLException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private Connection take() {
    try {
      return idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("Interrupted while waiting for a run store read connection", e);
    }
  }
}
