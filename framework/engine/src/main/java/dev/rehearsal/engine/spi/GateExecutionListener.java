package dev.rehearsal.engine.spi;

import dev.rehearsal.run.GateRun;
import org.apiguardian.api.API;

/**
 * Observes a gate's execution so reporters (Allure, dashboards) can annotate it without the engine
 * depending on them. Implementations are found with {@link java.util.ServiceLoader} on the test
 * class path ({@code META-INF/services/dev.rehearsal.engine.spi.GateExecutionListener}) and must
 * have a public no-argument constructor.
 *
 * <p>{@link #testExecuting} runs on the thread that executes the test, inside its execution, so a
 * JUnit Platform launcher listener's notion of "the current test" (Allure's) applies to it. An
 * exception thrown by a listener is reported on standard error and never changes a test's outcome.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface GateExecutionListener {

  /** After a gate rehearsed and before its tests run; not inside any test. */
  default void gateRehearsed(GateRun run) {}

  /** Inside a test of the gate, just before its outcome is reported. */
  default void testExecuting(GateTestEvent event) {}

  /** After a gate's last test, with the folder its decision files were written to. */
  default void gateFinished(GateRun run, java.nio.file.Path reportFolder) {}

  /** Lines naming where this listener's output is ({@code Allure results: /abs/path}), printed under the decision table. */
  default java.util.List<String> reportLocations() {
    return java.util.List.of();
  }
}
