package dev.rehearsal.forecast;

import dev.rehearsal.grade.GraderContext;
import dev.rehearsal.grade.GraderFingerprint;
import dev.rehearsal.grade.Graders;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.GraderSpec;
import org.apiguardian.api.API;

/**
 * The fingerprint of a frozen measurement: what must not change between a forecast and its
 * validation, or the two rates measure different things.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MeasurementFingerprint {

  private MeasurementFingerprint() {}

  /**
   * The grader fingerprint of the gate's grader {@code graderId}: type, configuration, prompt text
   * and model id/parameters ({@link GraderFingerprint}), the same value the gate's lock pins.
   */
  public static String of(GateSpec gate, String graderId) {
    GraderSpec grader = gate.graders().get(graderId);
    // Creating a grader opens no model client (clients open on first use), so this stays offline.
    GraderContext context = GraderContext.of(gate.models(), gate.file().getParent(), gate.file().getParent());
    return GraderFingerprint.of(grader, Graders.create(grader, context));
  }
}
