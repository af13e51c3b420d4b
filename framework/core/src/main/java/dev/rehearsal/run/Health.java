package dev.rehearsal.run;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Whether the simulation itself can be trusted: sample size reached, errors and bad records within
 * their bounds. An unhealthy simulation fails closed.
 *
 * @param problems what is wrong, empty when healthy
 * @param summary the numbers behind the verdict
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Health(List<String> problems, String summary) {
  public Health {
    problems = List.copyOf(problems);
  }

  public boolean healthy() {
    return problems.isEmpty();
  }
}
