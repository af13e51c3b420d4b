package dev.rehearsal.run;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What one arm answered.
 *
 * @param name {@code production} or {@code candidate}
 * @param description how it answered ({@code replay:chosen}, {@code model:candidate})
 * @param responses responses by sample id
 * @param errors errored samples by reason
 * @param tools for a model arm, its tool policy and how its tool calls were answered; empty for a
 *     replay arm
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ArmResult(String name, String description, Map<String, Response> responses, Map<String, Long> errors,
    Optional<ArmTools> tools) {

  public ArmResult {
    responses = Map.copyOf(responses);
    errors = Map.copyOf(errors);
    Objects.requireNonNull(tools, "tools");
  }

  /** An arm without tool figures (a replay arm). */
  public ArmResult(String name, String description, Map<String, Response> responses, Map<String, Long> errors) {
    this(name, description, responses, errors, Optional.empty());
  }

  /** Every errored sample, empty replies included. */
  public long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Samples whose model reply was empty (bounded by {@code health.max-empty-share}). */
  public long emptyCount() {
    return errors.entrySet().stream().filter(e -> Response.isEmptyReply(e.getKey()))
        .mapToLong(Map.Entry::getValue).sum();
  }
}
