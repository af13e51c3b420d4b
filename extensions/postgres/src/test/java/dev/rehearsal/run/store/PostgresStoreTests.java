package dev.rehearsal.run.store;

/** The store contract (crash safety, checksums, migration, shared runners) on a real PostgreSQL server. */
class PostgresStoreTests extends StoreContract {

  @Override
  protected StoreFixture newStore() throws Exception {
    return new PostgresFixture();
  }
}
