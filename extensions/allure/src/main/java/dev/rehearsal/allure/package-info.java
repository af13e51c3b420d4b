/**
 * The Allure reporter of release gates: a {@link dev.rehearsal.engine.spi.GateExecutionListener}
 * that annotates the test Allure's JUnit Platform listener is recording.
 */
package dev.rehearsal.allure;
