/**
 * The de-identification guard's parts: a scanner for personal data and secrets, a consistent
 * redactor, and the report of what was found (locations, never values).
 */
@NullMarked
package dev.rehearsal.prefix.deid;

import org.jspecify.annotations.NullMarked;
