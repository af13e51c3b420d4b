package dev.rehearsal.run;

import dev.rehearsal.gate.CheckResult;
import dev.rehearsal.spec.Action;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The gate's release decision: the most severe action among its blocking checks ({@code ship} if
 * none); {@code hold} when the simulation is unhealthy. Precedence: rollback > hold >
 * narrow-rollout > repair > ship.
 *
 * @param action the action
 * @param breaches the blocking checks: breaches, and inconclusive checks whose policy is {@code fail}
 * @param inconclusive every inconclusive check, whatever its policy
 * @param reasons one line per blocking check, health problem or unacted inconclusive check, with owner and action
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Decision(Action action, List<CheckResult> breaches, List<CheckResult> inconclusive, List<String> reasons) {
  public Decision {
    breaches = List.copyOf(breaches);
    inconclusive = List.copyOf(inconclusive);
    reasons = List.copyOf(reasons);
  }

  /** One line for a blocking check: action, category, segment, owner, which rule, what was seen and the rule in full. */
  static String reason(CheckResult c, String owner) {
    return c.threshold().onBreach().wireName() + " (owner " + owner + "): " + c.category() + " / " + c.segment()
        + " [" + c.verdict() + " " + c.threshold().describeLimit() + "]: " + c.observed() + "; expected " + c.expected();
  }
}
