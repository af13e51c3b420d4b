package dev.rehearsal.run;

import dev.rehearsal.model.runtime.tools.ToolCounts;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How a model arm's tool calls were answered: its policy and the realism figure.
 *
 * @param policy {@code single-turn}, {@code replay} or {@code simulate}
 * @param counts tool calls answered with logged results, by the simulator, or left unanswered
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ArmTools(String policy, ToolCounts counts) {

  public ArmTools {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(counts, "counts");
  }

  public long replayed() {
    return counts.replayed();
  }

  public long simulated() {
    return counts.simulated();
  }

  public long unanswered() {
    return counts.unanswered();
  }

  /** Share of tool calls answered with real logged results (1 when there were none). */
  public double realism() {
    return counts.realism();
  }

  /** Whether there is anything to report: a tool policy other than single-turn, or any tool call. */
  public boolean worthReporting() {
    return !policy.equals("single-turn") || counts.replayed() + counts.simulated() + counts.unanswered() > 0;
  }

  /** {@code tools replay: replayed 3, simulated 0, unanswered 1, realism 75.0%}. */
  public String summary() {
    return String.format(Locale.ROOT, "tools %s: replayed %d, simulated %d, unanswered %d, realism %.1f%%",
        policy, replayed(), simulated(), unanswered(), 100 * realism());
  }
}
