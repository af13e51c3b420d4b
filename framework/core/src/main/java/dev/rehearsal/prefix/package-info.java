/**
 * Prefix sources, eligibility, sampling and de-identification: from a conversation log to the
 * sampled prefixes that the arms answer.
 */
@NullMarked
package dev.rehearsal.prefix;

import org.jspecify.annotations.NullMarked;
