package dev.rehearsal.spec;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The de-identification guard: what happens when a sampled prefix holds personal data or a secret
 * before it is sent to a model.
 *
 * @param policy block, redact or allow
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record DeidSpec(Policy policy) {

  /** Fail closed: no prefix with a finding leaves the machine. */
  public static final DeidSpec DEFAULT = new DeidSpec(Policy.BLOCK);

  /** What the guard does with findings. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public enum Policy {
    /** Stop the run before any model call and report where the findings are (never their values). */
    BLOCK,
    /** Replace each value with a typed placeholder ({@code [EMAIL_1]}), consistent within a conversation. */
    REDACT,
    /** Send prefixes as logged; findings are still counted. */
    ALLOW;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
