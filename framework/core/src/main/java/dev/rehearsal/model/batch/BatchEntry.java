package dev.rehearsal.model.batch;

import dev.rehearsal.model.ModelRequest;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One request of a batch.
 *
 * @param customId the id the provider echoes with the result: the request's cache key (64 hex
 *     digits, within both providers' limit of 64 characters)
 * @param request the request
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record BatchEntry(String customId, ModelRequest request) {
  public BatchEntry {
    Objects.requireNonNull(customId, "customId");
    Objects.requireNonNull(request, "request");
  }
}
