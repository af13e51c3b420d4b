/**
 * Classifier graders teams already run: an OpenAI-compatible moderation endpoint
 * ({@code type: moderation}) and a Llama Guard style guard model ({@code type: guard-model}), their
 * categories mapped onto the taxonomy pack. Both call their model through the grader context, so
 * they share the judge's runtime (retries, budgets, cache). See docs/classifier-graders.md.
 */
@NullMarked
package dev.rehearsal.grade.classifier;

import org.jspecify.annotations.NullMarked;
