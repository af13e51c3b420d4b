/**
 * After a release: record each gate run's forecasts, validate them against the released model's
 * production traffic with the same frozen measurement, and score them beside the baselines they must
 * beat (previous production, challenging prompts) and a fidelity-calibrated forecast.
 *
 * <p>Method from "Predicting LLM Safety Before Release by Simulating Deployment" (OpenAI 2026):
 * binomial NLL regret with Jeffreys smoothing, symmetric multiplicative error, directional accuracy
 * over categories whose production rate moved at least 1.5×, taxonomy coverage.
 *
 * @since 0.1
 */
@NullMarked
package dev.rehearsal.forecast;

import org.jspecify.annotations.NullMarked;
