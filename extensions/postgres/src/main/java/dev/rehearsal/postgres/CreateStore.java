package dev.rehearsal.postgres;

import dev.rehearsal.run.store.LabelTable;
import dev.rehearsal.run.store.RunStore;
import dev.rehearsal.run.store.StoreLocation;

/**
 * Creates (or upgrades) the run store's tables in a PostgreSQL database, for an administrator who
 * prepares the schema once with a role that may create tables, so gate runs can use a role that
 * may only read and write rows (docs/team-store.md). User and password come from
 * {@code REHEARSAL_STORE_USER} and {@code REHEARSAL_STORE_PASSWORD}.
 */
public final class CreateStore {

  private CreateStore() {}

  /** Argument: the store's JDBC URL ({@code jdbc:postgresql://host:port/db?currentSchema=...}). */
  public static void main(String[] args) {
    if (args.length != 1 || !args[0].startsWith("jdbc:postgresql:")) {
      System.err.println("usage: CreateStore jdbc:postgresql://HOST:PORT/DATABASE[?currentSchema=SCHEMA]"
          + " (user and password from " + RunStore.USER_ENV + " and " + RunStore.PASSWORD_ENV + ")");
      System.exit(2);
    }
    StoreLocation location = StoreLocation.jdbc(args[0]);
    try (RunStore store = RunStore.open(location)) {
      new LabelTable(store);
    }
    System.out.println("run store tables ready in " + location);
  }
}
