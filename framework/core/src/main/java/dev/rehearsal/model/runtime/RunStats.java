package dev.rehearsal.model.runtime;

import dev.rehearsal.model.ModelException.Kind;
import java.time.Duration;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What the runtime did for one model, for reports and progress lines.
 *
 * @param attempts requests sent to the client (first attempts and retries)
 * @param succeeded calls that ended with a reply
 * @param succeededAfterRetry of those, the ones that needed at least one retry
 * @param retries retries scheduled
 * @param errors calls that ended in an error, by kind
 * @param errorReasons the distinct error messages with their counts (at most 20 kept)
 * @param budgetRejections calls refused because a budget cap was reached
 * @param breakerRejections attempts refused because the circuit breaker was open
 * @param inputTokens input tokens of successful calls
 * @param outputTokens output tokens of successful calls
 * @param cost cost of successful calls by the price table
 * @param repliesWithoutUsage replies that carried no token usage, so tokens and cost undercount
 * @param repliesCutShort replies that stopped at the token limit (finish reason {@code length},
 *     {@code max_tokens}, or a Responses API {@code incomplete} status)
 * @param elapsed time since the counters were created
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RunStats(
    long attempts,
    long succeeded,
    long succeededAfterRetry,
    long retries,
    Map<Kind, Long> errors,
    Map<String, Long> errorReasons,
    long budgetRejections,
    long breakerRejections,
    long inputTokens,
    long outputTokens,
    double cost,
    long repliesWithoutUsage,
    long repliesCutShort,
    Duration elapsed) {

  public RunStats {
    errors = Map.copyOf(errors);
    errorReasons = Map.copyOf(errorReasons);
  }

  /** Calls that ended, with a reply or an error. */
  public long done() {
    return succeeded + errorCount();
  }

  public long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  public long tokens() {
    return inputTokens + outputTokens;
  }
}
