package dev.rehearsal.spec;

import java.util.Locale;
import org.apiguardian.api.API;

/** What a check with too little evidence ({@code min-samples} not reached) does to its test and the decision. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum InconclusivePolicy {
  /** The test fails and the threshold's {@code on-breach} action applies: no evidence, no release (the default). */
  FAIL,
  /** The test is aborted (skipped with a reason); the decision lists it but does not act on it. */
  ABORT,
  /** The test passes; the decision lists it so the gap stays visible. */
  PASS;

  /** The name used in gate files ({@code abort}). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
