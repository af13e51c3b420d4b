/** The engine's extension points for reporters: {@link dev.rehearsal.engine.spi.GateExecutionListener}. */
package dev.rehearsal.engine.spi;
