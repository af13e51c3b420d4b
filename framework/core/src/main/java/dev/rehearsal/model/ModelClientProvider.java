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

  /** The spec keys this provider accepts besides {@code client}, for strict validation. */
  java.util.Set<String> settingKeys();

  /**
   * Creates a client; throws {@link IllegalArgumentException} naming the key when a setting is
   * missing or invalid.
   */
  ModelClient create(ModelConfig config);
}
