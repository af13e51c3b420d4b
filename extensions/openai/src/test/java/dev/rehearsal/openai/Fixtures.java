package dev.rehearsal.openai;

import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelConfig;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.runtime.ResilientModelClient;
import dev.rehearsal.model.runtime.RuntimeSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds clients against loopback servers, with a secret key from a fake environment. */
final class Fixtures {

  static final String KEY_ENV = "REHEARSAL_TEST_OPENAI_KEY";
  static final String SECRET = "sk-test-53cr3t-do-not-leak-0123456789";

  private Fixtures() {}

  static ModelClient openAi(String baseUrl, Map<String, Object> extra) {
    Map<String, Object> settings = new HashMap<>(Map.of("base-url", baseUrl, "model",
        "gpt-test", "timeout", "2s"));
    settings.putAll(extra);
    return new OpenAiClientProvider(Map.of(KEY_ENV, SECRET)::get)
        .create(new ModelConfig("candidate", "openai", settings, Optional.of(KEY_ENV)));
  }

  /** The runtime with fast backoff so that tests do not wait for it. */
  static ResilientModelClient resilient(ModelClient client, int retries) {
    return new ResilientModelClient(client, RuntimeSettings.defaults()
        .withRetries(retries, Duration.ofMillis(1), Duration.ofMillis(5))
        .withTimeout(Duration.ofSeconds(5)));
  }

  static ModelRequest ask(String text) {
    return new ModelRequest(List.of(Turn.user(text)), Map.of(), Map.of("temperature", 0),
        "sample-" + text);
  }
}
