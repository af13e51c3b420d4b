package dev.rehearsal.run.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * The run store: runs, manifests, samples, responses, grades and estimates in one database. Every
 * write commits at once, so a run killed at any point keeps everything it finished. Thread-safe:
 * writes are serialized on one connection. Never store secrets here.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RunStore implements AutoCloseable {

  private final Connection connection;
  private final ResponseCache responses;
  private final GradeCache grades;

  private RunStore(Connection connection, boolean sqlite) throws SQLException {
    this.connection = connection;
    try (Statement s = connection.createStatement()) {
      if (sqlite) {
        for (String pragma : Schema.SQLITE_PRAGMAS) {
          s.execute(pragma);
        }
      }
      for (String ddl : Schema.DDL) {
        s.execute(ddl);
      }
    }
    ItemTable.recordVersion(this);
    this.responses = new ResponseCache(this);
    this.grades = new GradeCache(this);
  }

  /** Opens (creating if needed) the SQLite store file. */
  public static RunStore open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return new RunStore(DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath()),
          true);
    } catch (SQLException | java.io.IOException e) {
      throw new StoreException("Cannot open the run store " + file + ": " + e.getMessage()
          + ". Check that the directory is writable and the file is a Rehearsal store", e);
    }
  }

  /** Uses an open connection to another database with the same schema (e.g. PostgreSQL). */
  public static RunStore on(Connection connection) {
    try {
      return new RunStore(connection, false);
    } catch (SQLException e) {
      throw new StoreException("Cannot create the run store tables: " + e.getMessage(), e);
    }
  }

  /** The response cache kept in this store. */
  public ResponseCache responses() {
    return responses;
  }

  /** The grade cache kept in this store. */
  public GradeCache grades() {
    return grades;
  }

  public void beginRun(String runId, String gate) {
    update("INSERT INTO runs (run_id, gate, started_at, status) VALUES (?, ?, ?, 'running')"
        + " ON CONFLICT (run_id) DO UPDATE SET status = 'running'",
        runId, gate, Instant.now().toString());
  }

  public void finishRun(String runId, String status) {
    update("UPDATE runs SET finished_at = ?, status = ? WHERE run_id = ?",
        Instant.now().toString(), status, runId);
  }

  public void putManifest(String runId, String specHash, String manifestJson) {
    update("INSERT INTO manifests (run_id, spec_hash, manifest_json) VALUES (?, ?, ?)"
        + " ON CONFLICT (run_id) DO UPDATE SET spec_hash = excluded.spec_hash,"
        + " manifest_json = excluded.manifest_json", runId, specHash, manifestJson);
  }

  public void putSample(String runId, String sampleKey, String prefixId, String segment) {
    update("INSERT INTO samples (run_id, sample_key, prefix_id, segment) VALUES (?, ?, ?, ?)"
        + " ON CONFLICT (run_id, sample_key) DO NOTHING", runId, sampleKey, prefixId, segment);
  }

  public void putEstimate(Estimate e) {
    update("INSERT INTO estimates (run_id, arm, category, segment, events, trials, rate,"
        + " lower_bound, upper_bound, method) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (run_id, arm, category, segment) DO UPDATE SET events = excluded.events,"
        + " trials = excluded.trials, rate = excluded.rate, lower_bound = excluded.lower_bound,"
        + " upper_bound = excluded.upper_bound, method = excluded.method", e.runId(), e.arm(),
        e.category(), e.segment(), e.events(), e.trials(), e.rate(), e.lower(), e.upper(),
        e.method());
  }

  /**
   * Records a run's items (every sample × arm with its grades), replacing rows of the same run id,
   * in one transaction.
   */
  public void putItems(String runId, java.util.List<ItemRow> items) {
    ItemTable.put(this, runId, items);
  }

  /** Records a run's samples ({@code [sampleId, source, segment]} each) in one transaction. */
  public void putSamples(String runId, java.util.List<String[]> samples) {
    ItemTable.batch(this, "INSERT INTO samples (run_id, sample_key, prefix_id, segment) VALUES (?, ?, ?, ?)"
        + " ON CONFLICT (run_id, sample_key) DO UPDATE SET prefix_id = excluded.prefix_id, segment = excluded.segment",
        samples.stream().map(s -> new Object[] {runId, s[0], s[1], s[2]}).toList());
  }

  /** Records estimates in one transaction (upserts, like {@link #putEstimate}). */
  public void putEstimates(java.util.List<Estimate> estimates) {
    ItemTable.batch(this, "INSERT INTO estimates (run_id, arm, category, segment, events, trials, rate,"
        + " lower_bound, upper_bound, method) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (run_id, arm, category, segment) DO UPDATE SET events = excluded.events,"
        + " trials = excluded.trials, rate = excluded.rate, lower_bound = excluded.lower_bound,"
        + " upper_bound = excluded.upper_bound, method = excluded.method",
        estimates.stream().map(e -> new Object[] {e.runId(), e.arm(), e.category(), e.segment(), e.events(),
            e.trials(), e.rate(), e.lower(), e.upper(), e.method()}).toList());
  }

  /** Runs {@code work} on the store's connection, serialized with every other access. */
  synchronized <T> T withConnection(SqlWork<T> work) {
    try {
      return work.apply(connection);
    } catch (SQLException e) {
      throw new StoreException("Run store access failed: " + e.getMessage()
          + ". If the file is damaged, delete it to start afresh (all calls are then repeated)", e);
    }
  }

  void update(String sql, Object... values) {
    withConnection(c -> {
      try (PreparedStatement p = c.prepareStatement(sql)) {
        for (int i = 0; i < values.length; i++) {
          p.setObject(i + 1, values[i]);
        }
        return p.executeUpdate();
      }
    });
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("Cannot close the run store: " + e.getMessage(), e);
    }
  }

  /** Work on a JDBC connection. */
  @FunctionalInterface
  interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
  }
}
