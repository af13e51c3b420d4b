package dev.rehearsal.run;

import dev.rehearsal.gate.CheckResult;
import dev.rehearsal.spec.Action;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The gate's release decision: the most severe action among its breaches ({@code ship} if none);
 * {@code hold} when the simulation is unhealthy.
 *
 * @param action the action
 * @param breaches the breached checks
 * @param reasons one line per breach or health problem, with owner and action
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Decision(Action action, List<CheckResult> breaches, List<String> reasons) {
  public Decision {
    breaches = List.copyOf(breaches);
    reasons = List.copyOf(reasons);
  }
}
