package dev.rehearsal.run.store;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;

/** Opens the store's JDBC connections to a database server, with credentials from the environment. */
final class StoreConnections {

  private StoreConnections() {}

  /** A new connection to {@code url}, user and password read from {@code env}. */
  static Connection open(String url, UnaryOperator<String> env) throws SQLException {
    Properties props = new Properties();
    Optional.ofNullable(env.apply(RunStore.USER_ENV)).filter(s -> !s.isBlank()).ifPresent(u -> props.setProperty("user", u));
    Optional.ofNullable(env.apply(RunStore.PASSWORD_ENV)).ifPresent(p -> props.setProperty("password", p));
    props.setProperty("ApplicationName", "rehearsal");
    return driver(url).connect(url, props);
  }

  /** The driver for {@code url}, found by JDBC's service loader, or an error naming the artifact to add. */
  private static Driver driver(String url) {
    try {
      return DriverManager.getDriver(url);
    } catch (SQLException e) {
      String fix = url.startsWith("jdbc:postgresql:")
          ? "add the artifact dev.rehearsal:rehearsal-postgres (it brings the PostgreSQL JDBC driver"
              + " org.postgresql:postgresql) to the test class path, next to rehearsal-junit-engine"
          : "add the JDBC driver for this database to the test class path";
      throw new StoreException("No JDBC driver on the class path accepts the run store URL " + url
          + " (rehearsal.store): " + fix, e);
    }
  }
}
