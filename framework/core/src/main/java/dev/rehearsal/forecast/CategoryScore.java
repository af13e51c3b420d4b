package dev.rehearsal.forecast;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * One category's scores under every method, with the split of the raw forecast's error into
 * simulation fidelity and distribution shift.
 *
 * @param inputs the measured counts
 * @param scores scores by method, in {@link Method} order
 * @param realizedDirection the production rate's direction, −1, 0 or +1 (0 when it moved less than the factor)
 * @param fidelityLogError log(r_sim(Y→Y)/r_prod(Y)): how far the pipeline's simulation of the deployed model
 *     misses its own production (simulation fidelity)
 * @param shiftLogError log(r_sim(X→Y)/r_prod(X)) − fidelityLogError: the rest of the raw forecast's log error
 *     (distribution shift between Y's and X's traffic, plus the simulated change's own error)
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CategoryScore(CategoryInputs inputs, Map<Method, MethodScore> scores, int realizedDirection,
    double fidelityLogError, double shiftLogError) {

  public CategoryScore {
    scores = Map.copyOf(scores);
  }

  public String category() {
    return inputs.category();
  }

  /** Whether production moved by at least the move factor (the paper's 1.5× filter). */
  public boolean moved() {
    return realizedDirection != 0;
  }

  public MethodScore score(Method method) {
    MethodScore s = scores.get(method);
    if (s == null) {
      throw new IllegalArgumentException("Category '" + category() + "' has no score for method " + method
          + " (no challenging-prompt suite was run?)");
    }
    return s;
  }
}
