package dev.rehearsal.anthropic;

import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelClientProvider;
import dev.rehearsal.model.ModelConfig;
import java.util.Set;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Provides the {@code anthropic} client for the Anthropic Messages API.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AnthropicClientProvider implements ModelClientProvider {

  private final Function<String, String> environment;

  /** The provider ServiceLoader creates: API keys come from the process environment. */
  public AnthropicClientProvider() {
    this(System::getenv);
  }

  /** A provider reading API keys from {@code environment} (tests, embedding). */
  public AnthropicClientProvider(Function<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public String id() {
    return "anthropic";
  }

  @Override
  public Set<String> settingKeys() {
    return AnthropicSettings.KEYS;
  }

  /** Checks every setting but the API key, which may be set only where the gate runs. */
  @Override
  public void validate(ModelConfig config) {
    ModelClientProvider.super.validate(config);
    new AnthropicSettings(new ModelConfig(config.name(), config.client(), config.settings(), java.util.Optional.empty()), name -> null);
  }

  @Override
  public boolean supportsBatch() {
    return true;
  }

  /** The Message Batches client for {@code mode: batch}. */
  @Override
  public dev.rehearsal.model.batch.BatchClient createBatch(ModelConfig config) {
    return new AnthropicBatchClient(new AnthropicSettings(config, environment));
  }

  @Override
  public ModelClient create(ModelConfig config) {
    return new AnthropicClient(new AnthropicSettings(config, environment));
  }
}
