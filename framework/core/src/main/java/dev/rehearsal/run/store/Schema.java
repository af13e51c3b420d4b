package dev.rehearsal.run.store;

import java.util.List;

/**
 * The store's tables in plain SQL that SQLite and PostgreSQL both accept (no SQLite-only types or
 * syntax; upserts use {@code ON CONFLICT}, which both support).
 */
final class Schema {

  /**
   * Version 2 added {@code items} and {@code item_grades} (every sample × arm of every run) and
   * {@code store_version}. Migration is additive: a version-1 file gains the new tables on open
   * and keeps every row it had.
   */
  static final int VERSION = 2;

  static final List<String> DDL = List.of(
      "CREATE TABLE IF NOT EXISTS runs (run_id VARCHAR(64) PRIMARY KEY,"
          + " gate VARCHAR(200) NOT NULL, started_at VARCHAR(40) NOT NULL,"
          + " finished_at VARCHAR(40), status VARCHAR(20) NOT NULL)",
      "CREATE TABLE IF NOT EXISTS manifests (run_id VARCHAR(64) PRIMARY KEY,"
          + " spec_hash CHAR(64) NOT NULL, manifest_json TEXT NOT NULL)",
      "CREATE TABLE IF NOT EXISTS samples (run_id VARCHAR(64) NOT NULL,"
          + " sample_key VARCHAR(300) NOT NULL, prefix_id VARCHAR(300) NOT NULL,"
          + " segment VARCHAR(100) NOT NULL, PRIMARY KEY (run_id, sample_key))",
      "CREATE TABLE IF NOT EXISTS responses (cache_key CHAR(64) PRIMARY KEY,"
          + " model_id VARCHAR(300) NOT NULL, payload TEXT NOT NULL, checksum CHAR(64) NOT NULL,"
          + " created_at VARCHAR(40) NOT NULL)",
      "CREATE TABLE IF NOT EXISTS grades (cache_key CHAR(64) PRIMARY KEY,"
          + " grader_fingerprint CHAR(64) NOT NULL, response_key CHAR(64) NOT NULL,"
          + " payload TEXT NOT NULL, checksum CHAR(64) NOT NULL)",
      "CREATE TABLE IF NOT EXISTS estimates (run_id VARCHAR(64) NOT NULL,"
          + " arm VARCHAR(100) NOT NULL, category VARCHAR(200) NOT NULL,"
          + " segment VARCHAR(100) NOT NULL, events BIGINT NOT NULL, trials BIGINT NOT NULL,"
          + " rate DOUBLE PRECISION NOT NULL, lower_bound DOUBLE PRECISION NOT NULL,"
          + " upper_bound DOUBLE PRECISION NOT NULL, method VARCHAR(50) NOT NULL,"
          + " PRIMARY KEY (run_id, arm, category, segment))",
      // Forecasts under a release label, with the fingerprint of the grader that measured them, so a
      // later validation can refuse to score with a different measurement (see ForecastTable).
      "CREATE TABLE IF NOT EXISTS forecasts (release VARCHAR(200) NOT NULL,"
          + " kind VARCHAR(40) NOT NULL, category VARCHAR(200) NOT NULL,"
          + " segment VARCHAR(100) NOT NULL, events BIGINT NOT NULL, trials BIGINT NOT NULL,"
          + " alpha DOUBLE PRECISION NOT NULL, beta DOUBLE PRECISION NOT NULL,"
          + " grader VARCHAR(200) NOT NULL, grader_fingerprint CHAR(64) NOT NULL,"
          + " gate VARCHAR(200) NOT NULL, recorded_at VARCHAR(40) NOT NULL,"
          + " PRIMARY KEY (release, kind, category, segment))",
      "CREATE TABLE IF NOT EXISTS store_version (version INTEGER NOT NULL)",
      // Every sample × arm of a run with its response or error (schema 2; see docs/results.md).
      "CREATE TABLE IF NOT EXISTS items (run_id VARCHAR(64) NOT NULL, sample_id VARCHAR(300) NOT NULL,"
          + " arm VARCHAR(100) NOT NULL, ordinal INTEGER NOT NULL, source VARCHAR(1000) NOT NULL,"
          + " segment VARCHAR(100) NOT NULL, weight DOUBLE PRECISION NOT NULL,"
          + " arm_description VARCHAR(300) NOT NULL, response TEXT, response_sha256 CHAR(64), error TEXT,"
          + " PRIMARY KEY (run_id, sample_id, arm))",
      // Each grader's verdict on an item: labels and evidence as JSON arrays, or the grading error.
      "CREATE TABLE IF NOT EXISTS item_grades (run_id VARCHAR(64) NOT NULL, sample_id VARCHAR(300) NOT NULL,"
          + " arm VARCHAR(100) NOT NULL, grader VARCHAR(200) NOT NULL, grader_fingerprint CHAR(64) NOT NULL,"
          + " labels TEXT NOT NULL, evidence TEXT NOT NULL, error TEXT,"
          + " PRIMARY KEY (run_id, sample_id, arm, grader))");

  /** Pragmas for SQLite only: WAL so readers never block the writer, durable across kill -9. */
  static final List<String> SQLITE_PRAGMAS = List.of(
      "PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA busy_timeout=5000");

  private Schema() {}
}
