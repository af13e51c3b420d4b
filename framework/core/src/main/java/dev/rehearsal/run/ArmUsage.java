package dev.rehearsal.run;

import org.apiguardian.api.API;

/**
 * Replies of a model arm that the provider answered without token usage (tokens and cost then
 * undercount) or cut at the token limit, so both show in the health line and reports (issue 15).
 *
 * @param withoutUsage replies that carried no token usage
 * @param cutShort replies that stopped at the token limit ({@code length}, {@code max_tokens},
 *     Responses API {@code incomplete})
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ArmUsage(long withoutUsage, long cutShort) {

  /** Nothing to report (a replay arm, or every reply whole and with usage). */
  public static final ArmUsage NONE = new ArmUsage(0, 0);

  public ArmUsage {
    if (withoutUsage < 0 || cutShort < 0) {
      throw new IllegalArgumentException("reply counts must be at least 0, were " + withoutUsage
          + " and " + cutShort);
    }
  }

  ArmUsage plus(ArmUsage other) {
    return new ArmUsage(withoutUsage + other.withoutUsage, cutShort + other.cutShort);
  }

  /** Whether there is anything to report. */
  public boolean any() {
    return withoutUsage > 0 || cutShort > 0;
  }

  /** {@code 3 replies without token usage, 2 cut at the token limit}, naming only what is non-zero. */
  public String summary() {
    java.util.List<String> parts = new java.util.ArrayList<>();
    if (withoutUsage > 0) {
      parts.add(withoutUsage + (withoutUsage == 1 ? " reply" : " replies")
          + " without token usage (tokens and cost undercount)");
    }
    if (cutShort > 0) {
      parts.add(cutShort + " cut at the token limit");
    }
    return String.join(", ", parts);
  }
}
