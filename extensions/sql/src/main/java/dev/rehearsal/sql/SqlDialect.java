package dev.rehearsal.sql;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The few places where DuckDB, PostgreSQL and Spark SQL spell the generated query differently: the text
 * type, quoting of identifiers and string literals, and a cast that yields NULL instead of failing.
 * Everything else (window functions, {@code md5}, {@code substr}, {@code concat}) is written once.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum SqlDialect {
  DUCKDB("VARCHAR", "DOUBLE", '"'),
  POSTGRESQL("VARCHAR", "DOUBLE PRECISION", '"'),
  /** Spark SQL (3.4+, ANSI mode on or off): backquoted identifiers, backslash escapes in literals. */
  SPARK("STRING", "DOUBLE", '`');

  private final String text;
  private final String real;
  private final char quote;

  SqlDialect(String text, String real, char quote) {
    this.text = text;
    this.real = real;
    this.quote = quote;
  }

  /** The dialect of a JDBC URL's engine, or an explanation of which URLs are understood. */
  public static SqlDialect of(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:duckdb:")) {
      return DUCKDB;
    }
    if (lower.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    if (lower.startsWith("jdbc:hive2:") || lower.startsWith("jdbc:spark:")) {
      return SPARK;
    }
    String[] parts = url.split(":", 3);
    throw new IllegalArgumentException("The sql source speaks DuckDB (jdbc:duckdb:), PostgreSQL (jdbc:postgresql:) and"
        + " Spark SQL (jdbc:hive2: to a Spark Thrift server), not " + (parts.length >= 2 ? parts[0] + ":" + parts[1] : "this URL")
        + "; see docs/sql-sampling.md for other engines.");
  }

  /** {@code expr} as text. */
  String text(String expr) {
    return "CAST(" + expr + " AS " + text + ")";
  }

  /** A typed NULL text, for the parts of a UNION that have no value. */
  String nullText() {
    return text("NULL");
  }

  /** {@code expr} as a number, NULL when it does not read as one (PostgreSQL lacks TRY_CAST). */
  String number(String expr) {
    return this == POSTGRESQL
        ? "CASE WHEN " + expr + " ~ '^ *[-+]?[0-9]+(\\.[0-9]*)?([eE][-+]?[0-9]+)? *$' THEN CAST(" + expr + " AS " + real + ") END"
        : "TRY_CAST(" + expr + " AS " + real + ")";
  }

  /** A quoted identifier (column names come from the gate file, never from model output). */
  String identifier(String name) {
    String q = String.valueOf(quote);
    return q + name.replace(q, q + q) + q;
  }

  /** A string literal. Spark reads backslash escapes inside literals and joins adjacent ones, so '' is no escape there. */
  String literal(String value) {
    if (this == SPARK) {
      return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
    return "'" + value.replace("'", "''") + "'";
  }
}
