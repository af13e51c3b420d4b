package dev.rehearsal.run.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A store file in a test's temporary folder. */
record SqliteFixture(Path file) implements StoreFixture {

  @Override
  public RunStore open() {
    return RunStore.open(StoreLocation.file(file));
  }

  @Override
  public Connection raw() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  @Override
  public List<String> tables() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection c = raw(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT name FROM sqlite_master WHERE type='table' ORDER BY 1")) {
      while (r.next()) {
        tables.add(r.getString(1));
      }
    }
    return tables;
  }

  @Override
  public void close() {}
}
