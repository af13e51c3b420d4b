package dev.rehearsal.openai;

import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelClientProvider;
import dev.rehearsal.model.ModelConfig;
import dev.rehearsal.model.runtime.RuntimeSettings;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Provides the {@code openai-moderation} client: an OpenAI-compatible {@code POST /v1/moderations}
 * endpoint for {@code type: moderation} graders. Its reply text is the endpoint's JSON body, which
 * the grader reads; retries, budgets and the cache come from the runtime like any model's.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class OpenAiModerationProvider implements ModelClientProvider {

  static final Set<String> KEYS = Stream.concat(Stream.of("base-url", "model"), RuntimeSettings.KEYS.stream())
      .collect(Collectors.toUnmodifiableSet());

  private final Function<String, String> environment;

  /** The provider ServiceLoader creates: API keys come from the process environment. */
  public OpenAiModerationProvider() {
    this(System::getenv);
  }

  /** A provider reading API keys from {@code environment} (tests, embedding). */
  public OpenAiModerationProvider(Function<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public String id() {
    return "openai-moderation";
  }

  @Override
  public Set<String> settingKeys() {
    return KEYS;
  }

  @Override
  public ModelClient create(ModelConfig config) {
    return new ModerationClient(config, environment);
  }
}
