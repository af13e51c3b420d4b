/** Batch mode against a loopback server that implements the OpenAI Batch and Files endpoints. */
package dev.rehearsal.openai.batch;
