package dev.rehearsal.allure;

import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.StageTiming;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StepResult;
import java.util.List;

/**
 * The gate's pipeline stages (sample, generate, grade, estimate) as steps with their real timings.
 * They ran once in the gate container, before any test, so they are added to each test afterwards
 * rather than started and stopped live (which would time them at zero).
 */
final class TestSteps {

  private TestSteps() {}

  static void apply(AllureLifecycle lifecycle, GateRun run) {
    List<StepResult> steps = run.stages().stream().map(TestSteps::step).toList();
    lifecycle.updateTestCase(tc -> tc.getSteps().addAll(steps));
  }

  private static StepResult step(StageTiming t) {
    return new StepResult().setName(t.name()).setStatus(Status.PASSED).setStart(t.startMillis()).setStop(t.stopMillis());
  }
}
