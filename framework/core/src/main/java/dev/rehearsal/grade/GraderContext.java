package dev.rehearsal.grade;

import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelClients;
import dev.rehearsal.model.ModelConfig;
import dev.rehearsal.model.runtime.ResilientModelClient;
import dev.rehearsal.model.runtime.RuntimeSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * What model-backed graders are built against: the spec's {@code models:} entries, the spec's
 * directory for relative prompt paths, and the project root those paths may not leave. Clients are
 * created on first use (so loading a spec makes no connection) and closed with the context.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GraderContext implements AutoCloseable {

  private final Map<String, ModelConfig> models;
  private final Path specDirectory;
  private final Path projectRoot;
  private final Function<ModelConfig, ModelClient> factory;
  private final Map<String, ModelClient> open = new ConcurrentHashMap<>();

  private GraderContext(Map<String, ModelConfig> models, Path specDirectory, Path projectRoot,
      Function<ModelConfig, ModelClient> factory) {
    this.models = Map.copyOf(models);
    this.specDirectory = specDirectory.toAbsolutePath().normalize();
    this.projectRoot = projectRoot.toAbsolutePath().normalize();
    this.factory = factory;
  }

  /**
   * Clients come from the provider named by each entry's {@code client:}, behind the resilient
   * runtime (retries, timeouts, concurrency) configured by the same entry.
   */
  public static GraderContext of(Map<String, ModelConfig> models, Path specDirectory, Path projectRoot) {
    return new GraderContext(models, specDirectory, projectRoot, GraderContext::defaultClient);
  }

  /** The client a grader gets by default: the entry's provider behind the resilient runtime it configures. */
  public static ModelClient defaultClient(ModelConfig c) {
    return new ResilientModelClient(ModelClients.provider(c.client()).create(c),
        RuntimeSettings.fromSpec("models." + c.name(), c.settings()));
  }

  /** A context without models, for rule graders. */
  public static GraderContext rulesOnly() {
    Path here = Path.of("").toAbsolutePath();
    return of(Map.of(), here, here);
  }

  /** The same models and paths, with clients made by {@code clientFactory} (tests, embedding). */
  public GraderContext withClients(Function<ModelConfig, ModelClient> clientFactory) {
    return new GraderContext(models, specDirectory, projectRoot, clientFactory);
  }

  /** The declaration of model {@code name}. */
  public Optional<ModelConfig> config(String name) {
    return Optional.ofNullable(models.get(name));
  }

  /** The client of model {@code name}, created on first call. */
  public ModelClient model(String name) {
    ModelConfig config = config(name).orElseThrow(() -> new IllegalArgumentException(
        "No model named '" + name + "' under 'models:'; declared: " + models.keySet() + "."));
    return open.computeIfAbsent(name, n -> factory.apply(config));
  }

  /** Reads a spec-relative text file; it must stay inside the project root. */
  public String read(String relative) {
    Path file = specDirectory.resolve(relative).normalize();
    if (!dev.rehearsal.spec.internal.Containment.inside(file, projectRoot)) {
      throw new IllegalArgumentException("'" + relative + "' resolves to " + file + ", outside the project root (symbolic links resolved) "
          + projectRoot + "; keep prompt files inside the project.");
    }
    try {
      return dev.rehearsal.prefix.ByteOrderMark.strip(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read '" + relative + "' (resolved to " + file + "): "
          + e.getClass().getSimpleName() + ".");
    }
  }

  @Override
  public void close() {
    open.values().forEach(ModelClient::close);
    open.clear();
  }
}
