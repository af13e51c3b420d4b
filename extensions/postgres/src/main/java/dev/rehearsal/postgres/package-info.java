/** The PostgreSQL run store: the driver on the class path, and a command that prepares the tables. */
@NullMarked
package dev.rehearsal.postgres;

import org.jspecify.annotations.NullMarked;
