package dev.rehearsal.run.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * The run store: runs, manifests, samples, responses, grades and estimates in one database: a SQLite
 * file, or a PostgreSQL database that many runners share (docs/team-store.md). Every write commits
 * at once, so a run killed at any point keeps everything it finished. Thread-safe: writes are
 * serialized on one connection; reads use a connection of their own, so a commit never waits behind
 * a cache lookup (issue 12 item 10). Runners sharing a store never call the model twice for one
 * cache key (see {@link ResponseCache#acquire}). Never store secrets here.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RunStore implements AutoCloseable {

  /** The environment variable holding the database user of a store on a server. */
  public static final String USER_ENV = "REHEARSAL_STORE_USER";
  /** The environment variable holding that user's password; never logged, stored or echoed. */
  public static final String PASSWORD_ENV = "REHEARSAL_STORE_PASSWORD";
  /** The advisory lock under which PostgreSQL runners create the tables one at a time. */
  private static final long SCHEMA_LOCK = 0x5245484541525345L;

  private final Connection connection;
  /** Reads: their own connections (see ReadConnections); empty: reads share the one connection. */
  private final Optional<ReadConnections> readers;
  private final Dialect dialect;
  private final ClaimTable claims;
  private final ResponseCache responses;
  private final GradeCache grades;

  private RunStore(Connection connection, List<Connection> readers, Dialect dialect) throws SQLException {
    this.connection = connection;
    this.readers = readers.isEmpty() ? Optional.empty() : Optional.of(new ReadConnections(readers));
    this.dialect = dialect;
    if (dialect == Dialect.SQLITE) {
      try (Statement s = connection.createStatement()) {
        if (!readers.isEmpty()) {
          for (String pragma : Schema.SQLITE_PRAGMAS) {
            s.execute(pragma);
          }
        }
        for (String ddl : Schema.DDL) {
          s.execute(ddl);
        }
      }
      ItemTable.recordVersion(connection);
    } else {
      ensureTables(connection, Schema.DDL, true);
    }
    this.claims = new ClaimTable(this, dialect, backendPid(connection, dialect));
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
      String url = "jdbc:sqlite:" + file.toAbsolutePath();
      Connection writer = DriverManager.getConnection(url);
      try {
        return new RunStore(writer, readersAfterSchema(writer, url), Dialect.SQLITE);
      } catch (SQLException e) {
        writer.close();
        throw e;
      }
    } catch (SQLException | java.io.IOException e) {
      throw new StoreException("Cannot open the run store " + file + ": " + e.getMessage()
          + ". Check that the directory is writable and the file is a Rehearsal store", e);
    }
  }

  /** Opens the store at {@code location}; a server's credentials come from the environment. */
  public static RunStore open(StoreLocation location) {
    return open(location, System::getenv);
  }

  /**
   * Opens the store at {@code location}, reading {@value #USER_ENV} and {@value #PASSWORD_ENV} from
   * {@code env} for a store on a database server; creates missing tables.
   */
  public static RunStore open(StoreLocation location, UnaryOperator<String> env) {
    if (location.file().isPresent()) {
      return open(location.file().get());
    }
    String url = location.url().orElseThrow();
    Connection writer = null;
    try {
      writer = StoreConnections.open(url, env);
      List<Connection> readers = new ArrayList<>();
      try {
        for (int i = 0; i < ReadConnections.COUNT; i++) {
          readers.add(StoreConnections.open(url, env));
        }
        return new RunStore(writer, readers, Dialect.of(url));
      } catch (SQLException e) {
        readers.forEach(RunStore::closeQuietly);
        throw e;
      }
    } catch (SQLException e) {
      closeQuietly(writer);
      throw new StoreException("Cannot open the run store " + url + ": " + e.getMessage() + ". Check that the"
          + " server is reachable, the database exists and " + USER_ENV + "/" + PASSWORD_ENV + " name a role"
          + " that may use it (docs/team-store.md)", e);
    }
  }

  /** Uses an open connection to another database with the same schema (e.g. PostgreSQL). */
  public static RunStore on(Connection connection) {
    try {
      return new RunStore(connection, List.of(), Dialect.of(connection.getMetaData().getURL()));
    } catch (SQLException e) {
      throw new StoreException("Cannot create the run store tables: " + e.getMessage(), e);
    }
  }

  /**
   * Creates the missing tables of {@code ddl} on a server, one runner at a time (two runners issuing
   * {@code CREATE TABLE IF NOT EXISTS} at once can collide in PostgreSQL's catalog). When every table
   * exists already nothing is created, so a role without CREATE rights can use a prepared schema.
   */
  static void ensureTables(Connection c, List<String> ddl, boolean stampVersion) throws SQLException {
    List<String> missing = new ArrayList<>();
    for (String statement : ddl) {
      if (!exists(c, statement.split("\\s+")[5])) {
        missing.add(statement);
      }
    }
    if (missing.isEmpty() && (!stampVersion || ItemTable.version(c) >= Schema.VERSION)) {
      return;
    }
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
      for (String statement : missing) {
        s.execute(statement);
      }
      if (stampVersion) {
        ItemTable.recordVersion(c);
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static boolean exists(Connection c, String table) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      p.setString(1, table);
      try (java.sql.ResultSet r = p.executeQuery()) {
        return r.next() && r.getBoolean(1);
      }
    }
  }

  private static Optional<Long> backendPid(Connection c, Dialect dialect) throws SQLException {
    if (dialect != Dialect.POSTGRESQL) {
      return Optional.empty();
    }
    try (Statement s = c.createStatement(); java.sql.ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
      r.next();
      return Optional.of(r.getLong(1));
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // the open failure is what the caller needs to see
      }
    }
  }

  /** Opens the read connections once the writer has switched the file to WAL. */
  private static List<Connection> readersAfterSchema(Connection writer, String url) throws SQLException {
    try (Statement s = writer.createStatement()) {
      for (String pragma : Schema.SQLITE_PRAGMAS) {
        s.execute(pragma);
      }
    }
    List<Connection> readers = new ArrayList<>();
    try {
      for (int i = 0; i < ReadConnections.COUNT; i++) {
        readers.add(DriverManager.getConnection(url));
        try (Statement s = readers.get(i).createStatement()) {
          for (String pragma : Schema.SQLITE_READER_PRAGMAS) {
            s.execute(pragma);
          }
        }
      }
    } catch (SQLException e) {
      readers.forEach(RunStore::closeQuietly);
      throw e;
    }
    return readers;
  }

  Dialect dialect() {
    return dialect;
  }

  ClaimTable claims() {
    return claims;
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
        + " manifest_json = excluded.manifest_json", runId, specHash, dev.rehearsal.spec.Secrets.mask(manifestJson));
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
   * in one transaction; rows identical to those stored under the run id are left in place.
   *
   * @return whether rows were written (false: exactly these items were stored already)
   */
  public boolean putItems(String runId, java.util.List<ItemRow> items) {
    return ItemTable.put(this, runId, items);
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

  /**
   * Runs read-only {@code work} on a read connection, beside other reads and the writer; on the
   * store's one connection when it has no others ({@link #on}), serialized with everything.
   */
  <T> T read(SqlWork<T> work) {
    try {
      if (readers.isPresent()) {
        return readers.get().read(work);
      }
      synchronized (this) {
        return work.apply(connection);
      }
    } catch (SQLException e) {
      throw new StoreException("Run store read failed: " + e.getMessage()
          + ". If the file is damaged, delete it to start afresh (all calls are then repeated)", e);
    }
  }

  /** Runs {@code work} on the store's write connection, serialized with every other write. */
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
      responses.close();
      claims.close();
      if (readers.isPresent()) {
        readers.get().close();
      }
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
