package dev.rehearsal.model.batch;

import dev.rehearsal.model.ModelReply;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The result of one request of an ended batch: a reply, or why there is none (the provider's error,
 * {@code expired}, {@code canceled}). Never both.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record BatchOutcome(String customId, Optional<ModelReply> reply, Optional<String> error) {

  public BatchOutcome {
    Objects.requireNonNull(customId, "customId");
    if (reply.isPresent() == error.isPresent()) {
      throw new IllegalArgumentException("A batch outcome has a reply or an error, not both or neither: " + customId);
    }
  }

  public static BatchOutcome succeeded(String customId, ModelReply reply) {
    return new BatchOutcome(customId, Optional.of(reply), Optional.empty());
  }

  /** A failed request; {@code reason} starts with its kind ({@code expired}, {@code canceled}, {@code errored}). */
  public static BatchOutcome failed(String customId, String reason) {
    return new BatchOutcome(customId, Optional.empty(), Optional.of(dev.rehearsal.spec.Secrets.mask(reason)));
  }
}
