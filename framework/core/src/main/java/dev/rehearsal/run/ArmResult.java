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
 * @param cache for a model arm answered through the response store, how many calls it answered;
 *     empty without a store or for a replay arm
 * @param usage for a model arm, its replies without token usage and those cut at the token limit
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ArmResult(String name, String description, Map<String, Response> responses, Map<String, Long> errors,
    Optional<ArmTools> tools, Optional<ArmCache> cache, ArmUsage usage) {

  public ArmResult {
    responses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(responses));
    errors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errors));
    Objects.requireNonNull(tools, "tools");
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(usage, "usage");
  }

  /** An arm with nothing to report about token usage. */
  public ArmResult(String name, String description, Map<String, Response> responses, Map<String, Long> errors,
      Optional<ArmTools> tools, Optional<ArmCache> cache) {
    this(name, description, responses, errors, tools, cache, ArmUsage.NONE);
  }

  /** An arm not answered through the response store. */
  public ArmResult(String name, String description, Map<String, Response> responses, Map<String, Long> errors,
      Optional<ArmTools> tools) {
    this(name, description, responses, errors, tools, Optional.empty());
  }

  /** An arm without tool figures (a replay arm). */
  public ArmResult(String name, String description, Map<String, Response> responses, Map<String, Long> errors) {
    this(name, description, responses, errors, Optional.empty(), Optional.empty());
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
