package dev.rehearsal.grade;

import dev.rehearsal.model.runtime.CanonicalJson;
import dev.rehearsal.spec.GraderSpec;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The fingerprint of a grader: SHA-256 of the canonical JSON of its type, its configuration and
 * its {@link Grader#procedure() procedure} (rule lists, prompt text, model id and parameters).
 * Equal fingerprints mean the same measurement; the run manifest records them and a gate lock pins
 * them (see {@link GateLock}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GraderFingerprint {

  /** Bumped when the fingerprint material itself changes shape. */
  static final int VERSION = 1;

  private GraderFingerprint() {}

  /** The fingerprint of {@code grader}, created from {@code spec}. */
  public static String of(GraderSpec spec, Grader grader) {
    return CanonicalJson.sha256(CanonicalJson.of(material(spec, grader)));
  }

  /** What is hashed, for reports that explain a changed fingerprint. */
  public static Map<String, Object> material(GraderSpec spec, Grader grader) {
    Map<String, Object> config = new TreeMap<>(spec.settings());
    config.remove("type");
    // The prompt's text is part of the procedure; its path is not (moving a file changes nothing).
    config.remove("prompt");
    Map<String, Object> material = new TreeMap<>();
    material.put("version", VERSION);
    material.put("type", spec.type());
    material.put("config", config);
    material.put("procedure", grader.procedure());
    return material;
  }

  /** The first 12 hex digits, for messages. */
  public static String shortForm(String fingerprint) {
    return fingerprint.length() <= 12 ? fingerprint : fingerprint.substring(0, 12);
  }
}
