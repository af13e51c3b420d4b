package dev.rehearsal.run.store;

/**
 * The few places where the store's SQL differs between SQLite and PostgreSQL. Everything else
 * (types, {@code ON CONFLICT} upserts) is written once in SQL both accept; see {@link Schema}.
 */
enum Dialect {
  SQLITE("CAST((julianday('now') - 2440587.5) * 86400000 AS BIGINT)", "0"),
  // A claim's owner is gone when its database session is: kill -9 closes the socket and the
  // server ends that backend at once (pg_stat_activity lists every backend's pid to every role).
  POSTGRESQL("CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)",
      "(backend IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = claims.backend))");

  /** The database clock in epoch milliseconds, so leases do not depend on the runners' clocks. */
  final String nowMillis;
  /** True when the claim's database session has ended. */
  final String backendGone;

  Dialect(String nowMillis, String backendGone) {
    this.nowMillis = nowMillis;
    this.backendGone = backendGone;
  }

  static Dialect of(String url) {
    return url.startsWith("jdbc:postgresql:") ? POSTGRESQL : SQLITE;
  }
}
