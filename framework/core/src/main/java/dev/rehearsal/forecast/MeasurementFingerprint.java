package dev.rehearsal.forecast;

import dev.rehearsal.model.runtime.CanonicalJson;
import dev.rehearsal.spec.GraderSpec;
import java.util.LinkedHashMap;
import java.util.Map;
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
   * SHA-256 of the canonical JSON of the grader's type and settings. The one place that defines it,
   * so it can delegate to the grader fingerprint (type + config + prompt + model) once graders have one.
   */
  public static String of(GraderSpec grader) {
    Map<String, Object> measured = new LinkedHashMap<>();
    measured.put("type", grader.type());
    measured.put("settings", grader.settings());
    return CanonicalJson.sha256(CanonicalJson.of(measured));
  }
}
