package dev.rehearsal.model.batch;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where a batch stands.
 *
 * @param ended whether processing ended (OpenAI {@code completed}, {@code failed}, {@code expired},
 *     {@code cancelled}; Anthropic {@code ended}), so its results can be collected
 * @param providerStatus the status word the provider sent, for messages and the store
 * @param total requests in the batch
 * @param succeeded requests answered so far
 * @param failed requests that errored, expired or were cancelled so far
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record BatchStatus(boolean ended, String providerStatus, long total, long succeeded, long failed) {
  public BatchStatus {
    Objects.requireNonNull(providerStatus, "providerStatus");
  }

  /** {@code in_progress: 40 of 100 answered, 2 failed}. */
  public String describe() {
    return providerStatus + ": " + succeeded + " of " + total + " answered, " + failed + " failed";
  }
}
