package dev.rehearsal.spec;

import dev.rehearsal.model.runtime.tools.ToolPolicy;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How a model arm answers the tool calls its model makes ({@code arms.<arm>.tools}).
 *
 * @param policy {@code single-turn} (the tool call is graded), {@code replay} (logged results) or
 *     {@code simulate} (logged results, else the simulator model writes one)
 * @param simulator the model (a key of {@code models:}) that writes tool results under {@code simulate}
 * @param maxSteps tool rounds before the tool-calling reply itself is graded (at least 1)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ToolsSpec(ToolPolicy policy, Optional<String> simulator, int maxSteps) {

  /** Steps when {@code max-steps} is not given. */
  public static final int DEFAULT_MAX_STEPS = 3;

  /** Today's behaviour: the tool call itself is the graded response. */
  public static final ToolsSpec SINGLE_TURN = new ToolsSpec(ToolPolicy.SINGLE_TURN, Optional.empty(), DEFAULT_MAX_STEPS);

  public ToolsSpec {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(simulator, "simulator");
    if (maxSteps < 1) {
      throw new IllegalArgumentException("tools.max-steps must be at least 1, was " + maxSteps);
    }
    if (policy == ToolPolicy.SIMULATE && simulator.isEmpty()) {
      throw new IllegalArgumentException("tools.policy simulate needs tools.simulator");
    }
  }

  /** The spec value of the policy: {@code single-turn}, {@code replay} or {@code simulate}. */
  public String policyName() {
    return policy.name().replace('_', '-').toLowerCase(java.util.Locale.ROOT);
  }
}
