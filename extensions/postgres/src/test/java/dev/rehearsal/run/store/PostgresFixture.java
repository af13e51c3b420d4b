package dev.rehearsal.run.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A run store in a schema of its own on the PostgreSQL server named by {@code REHEARSAL_PG_URL}
 * (user and password in {@code REHEARSAL_PG_USER}/{@code REHEARSAL_PG_PASSWORD}); dropped on close.
 * Without the server the tests fail and say how to start one.
 */
public final class PostgresFixture implements StoreFixture {

  public static final String URL_ENV = "REHEARSAL_PG_URL";
  static final String USER_ENV = "REHEARSAL_PG_USER";
  static final String PASSWORD_ENV = "REHEARSAL_PG_PASSWORD";

  private final String server;
  private final String schema = "t_" + HexFormat.of().formatHex(random());

  private static byte[] random() {
    byte[] bytes = new byte[6];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  public PostgresFixture() throws SQLException {
    server = serverUrl();
    try (Connection c = DriverManager.getConnection(server, credentials()); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
  }

  /** The server's URL, or a failure that says how to get a server. */
  public static String serverUrl() {
    String url = System.getenv(URL_ENV);
    if (url == null || url.isBlank()) {
      throw new IllegalStateException("The PostgreSQL store tests need a PostgreSQL server, and " + URL_ENV
          + " is not set. Start a throwaway one on loopback with: eval \"$(.ci/postgres start)\" (Debian's"
          + " postgresql package; .ci/run does this), or set " + URL_ENV + ", " + USER_ENV + " and " + PASSWORD_ENV
          + " to a server of your own (docs/ci.md)");
    }
    return url;
  }

  /** This store's URL: the server's, with this fixture's schema. */
  public String url() {
    return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** The environment a runner sees: the store's user and password variables, from the test server's. */
  public static UnaryOperator<String> env() {
    Map<String, String> env = Map.of(RunStore.USER_ENV, System.getenv(USER_ENV),
        RunStore.PASSWORD_ENV, System.getenv(PASSWORD_ENV));
    return env::get;
  }

  @Override
  public RunStore open() {
    return RunStore.open(StoreLocation.jdbc(url()), env());
  }

  @Override
  public Connection raw() throws SQLException {
    return DriverManager.getConnection(url(), credentials());
  }

  @Override
  public List<String> tables() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection c = raw(); PreparedStatement p = c.prepareStatement("SELECT table_name FROM"
        + " information_schema.tables WHERE table_schema = ? ORDER BY 1")) {
      p.setString(1, schema);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          tables.add(r.getString(1));
        }
      }
    }
    return tables;
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(server, credentials()); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static java.util.Properties credentials() {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("user", System.getenv(USER_ENV));
    p.setProperty("password", System.getenv(PASSWORD_ENV));
    return p;
  }
}
