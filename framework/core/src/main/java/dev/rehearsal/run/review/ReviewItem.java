package dev.rehearsal.run.review;

import dev.rehearsal.run.store.ReviewItemRow;

/**
 * One exported review item: what the labelling file shows (no arm) and its blinding key (kept in
 * the store).
 *
 * @param key the blinding key row
 * @param question what the reviewer answers yes or no to
 * @param conversation the prefix the response answers, rendered as role-prefixed turns
 * @param response the response to label (untrusted model output)
 */
record ReviewItem(ReviewItemRow key, String question, String conversation, String response) {}
