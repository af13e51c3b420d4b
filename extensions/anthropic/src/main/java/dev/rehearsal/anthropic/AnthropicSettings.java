package dev.rehearsal.anthropic;

import dev.rehearsal.model.ModelConfig;
import dev.rehearsal.model.runtime.RuntimeSettings;
import dev.rehearsal.model.runtime.SpecValues;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The settings of an {@code anthropic} model entry, validated; the key stays out of toString. */
final class AnthropicSettings {

  static final Set<String> KEYS = Stream.concat(Stream.of("base-url", "model", "temperature",
          "max-tokens", "top-p", "stop", "anthropic-version"),
      RuntimeSettings.KEYS.stream()).collect(Collectors.toUnmodifiableSet());
  static final Set<String> SAMPLING = Set.of("temperature", "max-tokens", "top-p", "stop");

  final URI endpoint;
  /** The base URL without a trailing slash; the batch endpoints hang off it. */
  final String base;
  final String model;
  final String version;
  final Optional<String> apiKey;
  final String apiKeyEnv;
  final Duration timeout;
  final Map<String, Object> sampling;

  AnthropicSettings(ModelConfig config, Function<String, String> environment) {
    String where = "models." + config.name();
    SpecValues v = SpecValues.of(where, config.settings());
    String base = v.string("base-url").orElse("https://api.anthropic.com/v1")
        .replaceAll("/+$", "");
    this.endpoint = uri(where, base + "/messages");
    this.base = base;
    this.model = v.requiredString("model", "claude-sonnet-4-5");
    this.version = v.string("anthropic-version").orElse("2023-06-01");
    this.apiKeyEnv = config.apiKeyEnv().orElse("");
    this.apiKey = config.apiKeyEnv().map(name -> {
      String key = environment.apply(name);
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException(where + ".api-key-env names environment variable '"
            + name + "', which is not set; export it before running the gate");
      }
      dev.rehearsal.spec.Secrets.register(name, key);
      return key;
    });
    this.timeout = v.duration("timeout").orElse(Duration.ofSeconds(60));
    // Numbers are checked here, at load time through the provider's validate: NaN or a huge value
    // would otherwise reach the endpoint as an invalid request on every call.
    v.number("temperature").filter(t -> t < 0 || t > 2).ifPresent(t -> {
      throw v.invalid("temperature", "must be from 0 to 2");
    });
    v.number("top-p").filter(t -> t < 0 || t > 1).ifPresent(t -> {
      throw v.invalid("top-p", "must be from 0 to 1");
    });
    v.wholeNumber("max-tokens", 1, Integer.MAX_VALUE);
    Map<String, Object> s = new LinkedHashMap<>();
    SAMPLING.forEach(k -> Optional.ofNullable(config.settings().get(k)).ifPresent(x -> s.put(k, x)));
    this.sampling = Map.copyOf(s);
  }

  private static URI uri(String where, String text) {
    try {
      URI uri = URI.create(text);
      if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
        throw new IllegalArgumentException("not http(s)");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ".base-url must be an http(s) URL such as "
          + "https://api.anthropic.com/v1, was '" + dev.rehearsal.spec.Secrets.mask(text) + "'");
    }
  }

  @Override
  public String toString() {
    return "AnthropicSettings[endpoint=" + endpoint.getPath() + ", model=" + model + "]";
  }
}
