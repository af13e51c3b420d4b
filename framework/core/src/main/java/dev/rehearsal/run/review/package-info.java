/**
 * The human review loop: draw a blinded review sample from a run's {@code results.jsonl}, export it
 * for labelling (JSONL, CSV, Label Studio), import the labels into the run store, and report
 * agreement between reviewers.
 *
 * @since 0.1
 */
@NullMarked
package dev.rehearsal.run.review;

import org.jspecify.annotations.NullMarked;
