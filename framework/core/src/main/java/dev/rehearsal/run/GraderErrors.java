package dev.rehearsal.run;

import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Responses of one arm that a grader could not grade (judge call failed, verdict stayed malformed).
 * They count as neither pass nor fail in the rates and against the arm's health bound, so a gate
 * whose graders fail too often fails closed.
 *
 * @param arm {@code production} or {@code candidate}
 * @param attempted gradings attempted (responses times graders)
 * @param byReason failed gradings by {@code grader: reason}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GraderErrors(String arm, long attempted, Map<String, Long> byReason) {

  public GraderErrors {
    byReason = java.util.Collections.unmodifiableMap(new TreeMap<>(byReason)); // sorted: reports list reasons in a stable order
  }

  public long count() {
    return byReason.values().stream().mapToLong(Long::longValue).sum();
  }
}
