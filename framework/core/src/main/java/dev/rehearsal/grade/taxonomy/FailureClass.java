package dev.rehearsal.grade.taxonomy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Why a response failed, separated because each class has a different owner ("Why evals fail in
 * production"). Written in gate files and the taxonomy in kebab case ({@code over-refusal}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum FailureClass {
  UNSUPPORTED_CLAIM,
  WRONG_SOURCE,
  MISSING_SOURCE,
  SOURCE_CONFLICT,
  POLICY_AMBIGUITY,
  UNSAFE_TOOL_ACTION,
  REFUSAL_FAILURE,
  OVER_REFUSAL,
  FORMAT_VIOLATION,
  LATENCY_OR_TIMEOUT,
  REVIEWER_DISAGREEMENT,
  SCOPE_MISMATCH;

  /** The kebab-case name used in files. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The class written as {@code wire}, if it is one. */
  public static Optional<FailureClass> fromWire(String wire) {
    return Arrays.stream(values()).filter(c -> c.wireName().equals(wire)).findFirst();
  }
}
