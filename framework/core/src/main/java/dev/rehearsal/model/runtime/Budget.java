package dev.rehearsal.model.runtime;

import org.apiguardian.api.API;

/**
 * Caps on what a run may spend on one model; 0 means no cap.
 *
 * @param maxCalls attempts sent to the endpoint (retries count)
 * @param maxTokens input plus output tokens
 * @param maxCost cost in the price table's currency
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Budget(long maxCalls, long maxTokens, double maxCost) {

  public Budget {
    if (maxCalls < 0 || maxTokens < 0 || maxCost < 0) {
      throw new IllegalArgumentException("budget caps must not be negative: calls=" + maxCalls
          + ", tokens=" + maxTokens + ", cost=" + maxCost);
    }
  }

  public static Budget unlimited() {
    return new Budget(0, 0, 0);
  }

  static Budget fromSpec(SpecValues v) {
    return new Budget(v.positiveLong("calls").orElse(0L), v.positiveLong("tokens").orElse(0L),
        v.number("cost").orElse(0.0));
  }
}
