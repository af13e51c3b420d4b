package dev.rehearsal.model;

import java.util.concurrent.CompletableFuture;
import org.apiguardian.api.API;

/**
 * A model that writes the next turn of a conversation: the SPI that HTTP adapters (in
 * {@code extensions/}) and in-process models implement.
 *
 * <p>Implementations must be thread-safe; the runtime calls them concurrently. A failed call
 * completes exceptionally with a {@link ModelException} that classifies the failure. Messages of
 * those exceptions must never contain secrets (API keys, authorization headers).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ModelClient extends AutoCloseable {

  /** Asks the model for the next turn. */
  CompletableFuture<ModelReply> complete(ModelRequest request);

  /** A stable description of the model for manifests and cache keys (no secrets). */
  String modelId();

  @Override
  default void close() {}
}
