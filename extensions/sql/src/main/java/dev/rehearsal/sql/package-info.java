/**
 * The {@code sql} prefix source: one query per step runs eligibility, stratification and the seeded
 * bottom-k draw inside the engine holding the logs, so only counts and the sampled prefixes leave it.
 */
@NullMarked
package dev.rehearsal.sql;

import org.jspecify.annotations.NullMarked;
