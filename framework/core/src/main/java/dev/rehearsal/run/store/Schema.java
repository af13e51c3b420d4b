package dev.rehearsal.run.store;

import java.util.List;

/**
 * The store's tables in plain SQL that SQLite and PostgreSQL both accept (no SQLite-only types or
 * syntax; upserts use {@code ON CONFLICT}, which both support). Strings are {@code TEXT}: SQLite
 * ignores declared lengths while PostgreSQL would reject a longer value or pad a {@code CHAR}, so a
 * store that works on one works on the other (docs/team-store.md).
 */
final class Schema {

  /**
   * Version 2 added {@code items} and {@code item_grades} (every sample × arm of every run) and
   * {@code store_version}; version 3 {@code item_digests}. Migration is additive: an older file
   * gains the new tables on open and keeps every row it had.
   */
  static final int VERSION = 3;

  static final List<String> DDL = List.of(
      "CREATE TABLE IF NOT EXISTS runs (run_id TEXT PRIMARY KEY,"
          + " gate TEXT NOT NULL, started_at TEXT NOT NULL,"
          + " finished_at TEXT, status TEXT NOT NULL)",
      "CREATE TABLE IF NOT EXISTS manifests (run_id TEXT PRIMARY KEY,"
          + " spec_hash TEXT NOT NULL, manifest_json TEXT NOT NULL)",
      "CREATE TABLE IF NOT EXISTS samples (run_id TEXT NOT NULL,"
          + " sample_key TEXT NOT NULL, prefix_id TEXT NOT NULL,"
          + " segment TEXT NOT NULL, PRIMARY KEY (run_id, sample_key))",
      "CREATE TABLE IF NOT EXISTS responses (cache_key TEXT PRIMARY KEY,"
          + " model_id TEXT NOT NULL, payload TEXT NOT NULL, checksum TEXT NOT NULL,"
          + " created_at TEXT NOT NULL)",
      "CREATE TABLE IF NOT EXISTS grades (cache_key TEXT PRIMARY KEY,"
          + " grader_fingerprint TEXT NOT NULL, response_key TEXT NOT NULL,"
          + " payload TEXT NOT NULL, checksum TEXT NOT NULL)",
      "CREATE TABLE IF NOT EXISTS estimates (run_id TEXT NOT NULL,"
          + " arm TEXT NOT NULL, category TEXT NOT NULL,"
          + " segment TEXT NOT NULL, events BIGINT NOT NULL, trials BIGINT NOT NULL,"
          + " rate DOUBLE PRECISION NOT NULL, lower_bound DOUBLE PRECISION NOT NULL,"
          + " upper_bound DOUBLE PRECISION NOT NULL, method TEXT NOT NULL,"
          + " PRIMARY KEY (run_id, arm, category, segment))",
      // Forecasts under a release label, with the fingerprint of the grader that measured them, so a
      // later validation can refuse to score with a different measurement (see ForecastTable).
      "CREATE TABLE IF NOT EXISTS forecasts (release TEXT NOT NULL,"
          + " kind TEXT NOT NULL, category TEXT NOT NULL,"
          + " segment TEXT NOT NULL, events BIGINT NOT NULL, trials BIGINT NOT NULL,"
          + " alpha DOUBLE PRECISION NOT NULL, beta DOUBLE PRECISION NOT NULL,"
          + " grader TEXT NOT NULL, grader_fingerprint TEXT NOT NULL,"
          + " gate TEXT NOT NULL, recorded_at TEXT NOT NULL,"
          + " PRIMARY KEY (release, kind, category, segment))",
      "CREATE TABLE IF NOT EXISTS store_version (version INTEGER NOT NULL)",
      // Every sample × arm of a run with its response or error (schema 2; see docs/results.md).
      "CREATE TABLE IF NOT EXISTS items (run_id TEXT NOT NULL, sample_id TEXT NOT NULL,"
          + " arm TEXT NOT NULL, ordinal INTEGER NOT NULL, source TEXT NOT NULL,"
          + " segment TEXT NOT NULL, weight DOUBLE PRECISION NOT NULL,"
          + " arm_description TEXT NOT NULL, response TEXT, response_sha256 TEXT, error TEXT,"
          + " PRIMARY KEY (run_id, sample_id, arm))",
      // Each grader's verdict on an item: labels and evidence as JSON arrays, or the grading error.
      "CREATE TABLE IF NOT EXISTS item_grades (run_id TEXT NOT NULL, sample_id TEXT NOT NULL,"
          + " arm TEXT NOT NULL, grader TEXT NOT NULL, grader_fingerprint TEXT NOT NULL,"
          + " labels TEXT NOT NULL, evidence TEXT NOT NULL, error TEXT,"
          + " PRIMARY KEY (run_id, sample_id, arm, grader))",
      // A digest of a run's items as written (schema 3): a rerun that would write the same items (a warm
      // rerun of an unchanged gate) leaves them in place instead of deleting and inserting them again.
      "CREATE TABLE IF NOT EXISTS item_digests (run_id TEXT PRIMARY KEY, sha256 TEXT NOT NULL)",
      // A runner about to call the model for a cache key holds its claim until the reply is stored, so
      // another runner sharing the store waits instead of calling too (see ClaimTable).
      "CREATE TABLE IF NOT EXISTS claims (cache_key TEXT PRIMARY KEY, owner TEXT NOT NULL, machine TEXT,"
          + " pid BIGINT, backend BIGINT, expires_at BIGINT NOT NULL)");

  /** Pragmas for SQLite only: WAL so readers never block the writer, durable across kill -9. */
  static final List<String> SQLITE_PRAGMAS = List.of(
      "PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA busy_timeout=5000",
      "PRAGMA cache_size=-32768");

  /**
   * Pragmas for SQLite read connections: the writer's page cache size, and the file mapped into
   * memory (256 MiB at most), which took a fifth off the time of reading 200,000 cached replies.
   */
  static final List<String> SQLITE_READER_PRAGMAS = List.of(
      "PRAGMA busy_timeout=5000", "PRAGMA cache_size=-32768", "PRAGMA mmap_size=268435456");

  private Schema() {}
}
