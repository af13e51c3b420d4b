/**
 * Provider batch endpoints (OpenAI Batch API, Anthropic Message Batches): the SPI that adapters
 * implement and the {@code mode: batch} settings of a model entry.
 */
@org.jspecify.annotations.NullMarked
package dev.rehearsal.model.batch;
