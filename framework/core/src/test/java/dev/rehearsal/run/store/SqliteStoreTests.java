package dev.rehearsal.run.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a SQLite file. */
class SqliteStoreTests extends StoreContract {

  @TempDir
  Path dir;

  @Override
  protected StoreFixture newStore() {
    return new SqliteFixture(dir.resolve("store.db"));
  }
}
