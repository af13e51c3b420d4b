package dev.rehearsal.model.runtime.tools;

import org.apiguardian.api.API;

/**
 * How an arm's tool calls were answered: the realism figure of a run with tools.
 *
 * @param replayed answered with a logged result
 * @param simulated answered by the simulator model
 * @param unanswered left unanswered (single-turn, no logged match, or step limit)
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ToolCounts(long replayed, long simulated, long unanswered) {

  /** Share of tool calls answered with real logged results (1 when there were none). */
  public double realism() {
    long total = replayed + simulated + unanswered;
    return total == 0 ? 1.0 : (double) replayed / total;
  }
}
