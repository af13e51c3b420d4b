package dev.rehearsal.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A model as the gate spec declares it, handed to a {@link ModelClientProvider}.
 *
 * @param name the spec's name for it ({@code candidate}, {@code judge})
 * @param client the provider id ({@code openai}, {@code anthropic}, {@code scripted})
 * @param settings every other key of the spec entry (base-url, model, temperature, ...), already
 *     interpolated; may hold secrets, so never print it
 * @param apiKeyEnv the name of the environment variable that holds the API key, if any
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ModelConfig(
    String name, String client, Map<String, Object> settings, Optional<String> apiKeyEnv) {

  public ModelConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(client, "client");
    settings = Map.copyOf(settings);
    Objects.requireNonNull(apiKeyEnv, "apiKeyEnv");
  }

  @Override
  public String toString() {
    // Settings may carry interpolated secrets: keep them out of logs and exception texts.
    return "ModelConfig[name=" + name + ", client=" + client + ", keys=" + settings.keySet() + "]";
  }
}
