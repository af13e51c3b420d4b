/**
 * The run store (SQLite through JDBC by default, a schema that also runs on PostgreSQL) and the
 * content-addressed response cache that makes reruns free and resumes killed runs.
 */
@NullMarked
package dev.rehearsal.run.store;

import org.jspecify.annotations.NullMarked;
