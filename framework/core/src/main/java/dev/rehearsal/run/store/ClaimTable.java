package dev.rehearsal.run.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code claims} table: which runner is calling the model for a cache key right now. A runner
 * inserts the claim ({@code ON CONFLICT DO NOTHING}) before it calls, and deletes it in the same
 * transaction that stores the reply. Another runner that finds the claim waits for the reply, and
 * takes the claim over only when its holder is gone: its database session ended (PostgreSQL), its
 * process ended (same machine and process namespace), or its lease ran out on the database clock.
 */
final class ClaimTable {

  /** The lease: the last resort when neither the session nor the process can be checked. */
  static final long LEASE_MILLIS = Long.getLong("rehearsal.store.claim-lease-seconds", 900) * 1000;

  private final RunStore store;
  private final Dialect dialect;
  private final String owner = UUID.randomUUID().toString();
  private final Optional<String> machine = machine();
  private final long pid = ProcessHandle.current().pid();
  private final Optional<Long> backend;

  ClaimTable(RunStore store, Dialect dialect, Optional<Long> backend) {
    this.store = store;
    this.dialect = dialect;
    this.backend = backend;
  }

  /** Inserts claims for {@code keys} on {@code c}; true where this runner now holds the claim. */
  boolean[] insert(Connection c, List<String> keys) throws SQLException {
    boolean[] mine = new boolean[keys.size()];
    try (PreparedStatement p = c.prepareStatement("INSERT INTO claims (cache_key, owner, machine, pid, backend,"
        + " expires_at) VALUES (?, ?, ?, ?, ?, " + dialect.nowMillis + " + ?) ON CONFLICT (cache_key) DO NOTHING")) {
      for (String key : keys) {
        p.setString(1, key);
        bindOwner(p, 2);
        p.addBatch();
      }
      int[] counts = p.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        mine[i] = counts[i] == 1;
      }
    }
    return mine;
  }

  /** Deletes the claims of {@code keys} whoever holds them (their replies are stored). */
  static void delete(Connection c, List<String> keys) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("DELETE FROM claims WHERE cache_key = ?")) {
      for (String key : keys) {
        p.setString(1, key);
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  /** The holders of the claims on {@code keys} that have one. */
  java.util.Map<String, Holder> holders(List<String> keys) {
    java.util.Map<String, Holder> out = new java.util.HashMap<>();
    for (List<String> chunk : ResponseCache.chunks(keys)) {
      store.read(c -> {
        try (PreparedStatement p = c.prepareStatement("SELECT cache_key, owner, machine, pid, CASE WHEN expires_at < "
            + dialect.nowMillis + " THEN 1 ELSE 0 END, CASE WHEN " + dialect.backendGone + " THEN 1 ELSE 0 END"
            + " FROM claims WHERE cache_key IN (" + ResponseCache.marks(chunk.size()) + ")")) {
          for (int i = 0; i < chunk.size(); i++) {
            p.setString(i + 1, chunk.get(i));
          }
          try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
              out.put(r.getString(1), new Holder(r.getString(2), gone(r.getString(3), r.getLong(4))
                  || r.getInt(5) == 1 || r.getInt(6) == 1));
            }
          }
        }
        return null;
      });
    }
    return out;
  }

  /** Takes the claim from {@code gone} (compare and set: of several waiters, one wins). */
  boolean takeOver(String key, Holder gone) {
    return store.withConnection(c -> {
      try (PreparedStatement p = c.prepareStatement("UPDATE claims SET owner = ?, machine = ?, pid = ?, backend = ?,"
          + " expires_at = " + dialect.nowMillis + " + ? WHERE cache_key = ? AND owner = ?")) {
        bindOwner(p, 1);
        p.setString(6, key);
        p.setString(7, gone.owner());
        return p.executeUpdate() == 1;
      }
    });
  }

  /** Gives up this runner's claim on {@code key} (the call failed: let another runner try). */
  void release(String key) {
    store.update("DELETE FROM claims WHERE cache_key = ? AND owner = ?", key, owner);
  }

  /** Gives up every claim of this runner. */
  void close() {
    store.update("DELETE FROM claims WHERE owner = ?", owner);
  }

  private void bindOwner(PreparedStatement p, int first) throws SQLException {
    p.setString(first, owner);
    p.setString(first + 1, machine.orElse(null));
    p.setLong(first + 2, pid);
    if (backend.isPresent()) {
      p.setLong(first + 3, backend.get());
    } else {
      p.setNull(first + 3, java.sql.Types.BIGINT);
    }
    p.setLong(first + 4, LEASE_MILLIS);
  }

  /** A process on this machine (same boot, same process namespace) that is no longer running. */
  private boolean gone(String holderMachine, long holderPid) {
    return machine.isPresent() && machine.get().equals(holderMachine)
        && ProcessHandle.of(holderPid).map(h -> !h.isAlive()).orElse(true);
  }

  static Optional<String> thisMachine() {
    return machine();
  }

  /** This boot and process namespace on Linux, so pids are only compared where they mean the same process. */
  private static Optional<String> machine() {
    try {
      return Optional.of(Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim() + "/"
          + Files.readSymbolicLink(Path.of("/proc/self/ns/pid")));
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** A claim's holder and whether it is gone. */
  record Holder(String owner, boolean gone) {}
}
