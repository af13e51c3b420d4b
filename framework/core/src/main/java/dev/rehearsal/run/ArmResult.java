package dev.rehearsal.run;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * What one arm answered.
 *
 * @param name {@code production} or {@code candidate}
 * @param description how it answered ({@code replay:chosen}, {@code model:candidate})
 * @param responses responses by sample id
 * @param errors errored samples by reason
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ArmResult(String name, String description, Map<String, Response> responses, Map<String, Long> errors) {

  public ArmResult {
    responses = Map.copyOf(responses);
    errors = Map.copyOf(errors);
  }

  public long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }
}
