/** The batch path at 10^5 requests: submit and collect in two processes with a kill -9 between. */
@org.jspecify.annotations.NullMarked
package dev.rehearsal.bench.batch;
