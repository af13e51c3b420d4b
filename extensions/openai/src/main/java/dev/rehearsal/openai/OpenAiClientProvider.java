package dev.rehearsal.openai;

import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelClientProvider;
import dev.rehearsal.model.ModelConfig;
import java.util.Set;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Provides the {@code openai} client: OpenAI Chat Completions or Responses ({@code api:
 * responses}), Azure OpenAI ({@code api-version},
 * {@code auth: api-key}) and OpenAI-compatible servers ({@code base-url}).
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class OpenAiClientProvider implements ModelClientProvider {

  private final Function<String, String> environment;

  /** The provider ServiceLoader creates: API keys come from the process environment. */
  public OpenAiClientProvider() {
    this(System::getenv);
  }

  /** A provider reading API keys from {@code environment} (tests, embedding). */
  public OpenAiClientProvider(Function<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public String id() {
    return "openai";
  }

  @Override
  public Set<String> settingKeys() {
    return OpenAiSettings.KEYS;
  }

  /** Checks every setting but the API key, which may be set only where the gate runs. */
  @Override
  public void validate(ModelConfig config) {
    ModelClientProvider.super.validate(config);
    OpenAiSettings settings = new OpenAiSettings(new ModelConfig(config.name(), config.client(), config.settings(),
        java.util.Optional.empty()), name -> null);
    if (settings.responses && "batch".equals(String.valueOf(config.settings().get("mode")))) {
      throw new IllegalArgumentException("models." + config.name() + ".mode: batch sends Chat Completions requests"
          + " (endpoint /v1/chat/completions); it cannot be combined with api: responses. Use api: chat-completions"
          + " or mode: sync");
    }
  }

  @Override
  public boolean supportsBatch() {
    return true;
  }

  /** The OpenAI Batch API client for {@code mode: batch}. */
  @Override
  public dev.rehearsal.model.batch.BatchClient createBatch(ModelConfig config) {
    return new OpenAiBatchClient(new OpenAiSettings(config, environment));
  }

  @Override
  public ModelClient create(ModelConfig config) {
    return new OpenAiClient(new OpenAiSettings(config, environment));
  }
}
