package dev.rehearsal.openai;

import dev.rehearsal.model.ModelConfig;
import dev.rehearsal.model.runtime.RuntimeSettings;
import dev.rehearsal.model.runtime.SpecValues;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The settings of an {@code openai} model entry, validated. The API key is kept out of toString. */
final class OpenAiSettings {

  static final Set<String> KEYS = Stream.concat(Stream.of("base-url", "model", "temperature",
          "max-tokens", "max-completion-tokens", "reasoning-effort", "seed", "top-p", "stop",
          "api-version", "auth", "http-version", "api", "stream"),
      RuntimeSettings.KEYS.stream()).collect(Collectors.toUnmodifiableSet());
  static final Set<String> SAMPLING = Set.of("temperature", "max-tokens", "max-completion-tokens",
      "reasoning-effort", "seed", "top-p", "stop");

  final URI endpoint;
  /** The base URL without a trailing slash ({@code https://api.openai.com/v1}): batch and file endpoints hang off it. */
  final String base;
  /** {@code ?api-version=…} for Azure OpenAI, else empty. */
  final String query;
  final String model;
  final Optional<String> apiKey;
  final String authHeader;
  final Duration timeout;
  final HttpClient.Version httpVersion;
  final Map<String, Object> sampling;
  final String apiKeyEnv;
  /** Whether the entry speaks the Responses API ({@code api: responses}) instead of Chat Completions. */
  final boolean responses;
  /** Whether Chat Completions replies are streamed ({@code stream: true}) and folded into one. */
  final boolean stream;

  OpenAiSettings(ModelConfig config, Function<String, String> environment) {
    String where = "models." + config.name();
    SpecValues v = SpecValues.of(where, config.settings());
    String base = v.string("base-url").orElse("https://api.openai.com/v1").replaceAll("/+$", "");
    String version = v.string("api-version").map(a -> "?api-version=" + a).orElse("");
    String api = v.string("api").orElse("chat-completions");
    if (!api.equals("chat-completions") && !api.equals("responses")) {
      throw v.invalid("api", "must be chat-completions (POST /chat/completions) or responses"
          + " (POST /responses, the OpenAI Responses API)");
    }
    this.responses = api.equals("responses");
    String streamed = v.string("stream").orElse("false");
    if (!streamed.equals("true") && !streamed.equals("false")) {
      throw v.invalid("stream", "must be true or false");
    }
    this.stream = streamed.equals("true");
    if (stream && responses) {
      throw v.invalid("stream", "is supported for api: chat-completions only; remove it or use"
          + " api: chat-completions");
    }
    this.endpoint = uri(where, base + (responses ? "/responses" : "/chat/completions") + version);
    this.base = base;
    this.query = version;
    this.model = v.requiredString("model", "gpt-4o-mini");
    this.apiKeyEnv = config.apiKeyEnv().orElse("");
    this.apiKey = config.apiKeyEnv().map(name -> key(where, name, environment));
    String auth = v.string("auth").orElse(version.isEmpty() ? "bearer" : "api-key");
    if (!auth.equals("bearer") && !auth.equals("api-key")) {
      throw new IllegalArgumentException(where + ".auth must be 'bearer' (OpenAI) or 'api-key'"
          + " (Azure OpenAI), was '" + auth + "'");
    }
    this.authHeader = auth.equals("bearer") ? "Authorization" : "api-key";
    this.timeout = v.duration("timeout").orElse(Duration.ofSeconds(60));
    this.httpVersion = v.string("http-version").orElse("1.1").equals("2")
        ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
    // Numbers are checked here, at load time through the provider's validate: NaN or a huge value
    // would otherwise reach the endpoint as an invalid request on every call.
    v.number("temperature").filter(t -> t < 0 || t > 2).ifPresent(t -> {
      throw v.invalid("temperature", "must be from 0 to 2");
    });
    v.number("top-p").filter(t -> t < 0 || t > 1).ifPresent(t -> {
      throw v.invalid("top-p", "must be from 0 to 1");
    });
    v.wholeNumber("max-tokens", 1, Integer.MAX_VALUE);
    v.wholeNumber("max-completion-tokens", 1, Integer.MAX_VALUE);
    // OpenAI's newer models reject max_tokens and want max_completion_tokens; sending both is
    // ambiguous, so the entry names one.
    if (config.settings().containsKey("max-tokens")
        && config.settings().containsKey("max-completion-tokens")) {
      throw v.invalid("max-completion-tokens", "cannot be set together with max-tokens (newer"
          + " OpenAI models accept only max_completion_tokens); keep one of the two");
    }
    v.string("reasoning-effort").filter(e -> !Set.of("low", "medium", "high").contains(e))
        .ifPresent(e -> {
          throw v.invalid("reasoning-effort", "must be low, medium or high");
        });
    v.wholeNumber("seed", Long.MIN_VALUE, Long.MAX_VALUE);
    if (responses) {
      // The Responses API has no seed or stop parameter: sent, they would be rejected on every call.
      for (String key : new String[] {"seed", "stop"}) {
        if (config.settings().containsKey(key)) {
          throw v.invalid(key, "is not a Responses API parameter (api: responses); remove it or"
              + " use api: chat-completions");
        }
      }
    }
    Map<String, Object> s = new LinkedHashMap<>();
    SAMPLING.forEach(k -> Optional.ofNullable(config.settings().get(k)).ifPresent(x -> s.put(k, x)));
    this.sampling = Map.copyOf(s);
  }

  /** The connect timeout of both transports: {@code timeout}, at most 10 s. */
  Duration connectTimeout() {
    return timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10);
  }

  String authValue(String key) {
    return authHeader.equals("Authorization") ? "Bearer " + key : key;
  }

  static String key(String where, String name, Function<String, String> environment) {
    String key = environment.apply(name);
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException(where + ".api-key-env names environment variable '"
          + name + "', which is not set; export it before running the gate");
    }
    dev.rehearsal.spec.Secrets.register(name, key);
    return key;
  }

  static URI uri(String where, String text) {
    try {
      URI uri = URI.create(text);
      if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
        throw new IllegalArgumentException("not http(s)");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ".base-url must be an http(s) URL such as "
          + "https://api.openai.com/v1, was '" + dev.rehearsal.spec.Secrets.mask(text) + "'");
    }
  }

  @Override
  public String toString() {
    return "OpenAiSettings[endpoint=" + endpoint.getPath() + ", model=" + model + "]";
  }
}
