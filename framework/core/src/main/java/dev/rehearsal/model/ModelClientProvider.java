package dev.rehearsal.model;

import org.apiguardian.api.API;

/**
 * Creates {@link ModelClient}s for one {@code client:} id of the gate spec; found through
 * {@link java.util.ServiceLoader}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ModelClientProvider {

  /** The {@code client:} value this provider serves, e.g. {@code openai}. */
  String id();

  /**
   * The spec keys this provider accepts besides {@code client}, for strict validation. The common
   * keys {@code api-key-env}, {@code mode} and {@code batch} are the loader's; a provider must not
   * declare them.
   */
  java.util.Set<String> settingKeys();

  /**
   * Creates a client; throws {@link IllegalArgumentException} naming the key when a setting is
   * missing or invalid.
   */
  ModelClient create(ModelConfig config);

  /**
   * Checks a model entry's settings when the gate file is loaded, so a bad value is a spec error
   * with its file position instead of a failure at run time. Throws {@link IllegalArgumentException}
   * whose message names the key as {@code models.<name>.<key>}. The default checks the runtime keys
   * ({@link dev.rehearsal.model.runtime.RuntimeSettings}); providers with their own keys override it
   * and call this too. It must not need the network or secrets that are only set at run time.
   *
   * @since 0.1
   */
  default void validate(ModelConfig config) {
    dev.rehearsal.model.runtime.RuntimeSettings.fromSpec("models." + config.name(), config.settings());
  }

  /**
   * Whether replies may be cached in the run store. In-process models whose behaviour is not part
   * of the cache key (the {@code scripted} model) answer {@code false}.
   */
  default boolean cacheable() {
    return true;
  }

  /**
   * Whether this client has a batch endpoint ({@code mode: batch}); checked when the gate file is
   * loaded, so a model entry asking for batch mode from a client without one is a spec error.
   *
   * @since 0.1
   */
  default boolean supportsBatch() {
    return false;
  }

  /**
   * A client of the provider's batch endpoint for this model entry. The default has none: override
   * together with {@link #supportsBatch()}.
   *
   * @since 0.1
   */
  default dev.rehearsal.model.batch.BatchClient createBatch(ModelConfig config) {
    throw new UnsupportedOperationException("Model client '" + id() + "' has no batch endpoint;"
        + " remove 'mode: batch' from models." + config.name());
  }

  /**
   * Whether calls send prompts out of this process (to a server, even one on loopback, which may
   * forward them). The de-identification guard's {@code block} policy applies only to these: an
   * in-process model (the {@code scripted} model) sends nothing anywhere (issue 15 item 5).
   *
   * @since 0.1
   */
  default boolean leavesProcess() {
    return true;
  }
}
