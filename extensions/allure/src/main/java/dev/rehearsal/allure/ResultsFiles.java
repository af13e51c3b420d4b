package dev.rehearsal.allure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.engine.Headlines;
import dev.rehearsal.spec.Action;
import dev.rehearsal.spec.CategorySpec;
import dev.rehearsal.spec.ThresholdSpec;
import java.util.List;
import java.util.Locale;
import io.qameta.allure.util.PropertiesUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The run-wide files of an Allure results directory: {@code categories.json} (the release decision,
 * then one category per failure class and action, then evidence, health and infrastructure),
 * {@code environment.properties} (the release decision first, then models, graders and spec hashes
 * of every gate in the run) and {@code executor.json} (the decision as build name; in CI with links
 * back to the pipeline, which also orders the trend by pipeline).
 */
final class ResultsFiles {

  private final Path directory;
  private final Map<String, String> env;
  // Shared by every engine execution in the JVM: each suite class (ShipGateTest, HoldGateTest)
  // starts its own execution, and each gate must stay in the run-wide files.
  private static final Map<String, String> environment = new TreeMap<>();
  private static final Map<String, java.util.SortedSet<Action>> actionsByFailureClass = new TreeMap<>();
  private static final Map<String, Action> decisions = new TreeMap<>();
  /** Sorts before every gate id (upper case before lower case), so Allure lists it first. */
  static final String RELEASE_KEY = "RELEASE";

  ResultsFiles(Path directory, Map<String, String> env) {
    this.directory = directory;
    this.env = Map.copyOf(env);
  }

  /** {@code allure.results.directory} from allure.properties or system properties, as Allure itself reads it. */
  static Path configuredDirectory() {
    return Path.of(PropertiesUtils.loadAllureProperties().getProperty("allure.results.directory", "allure-results"));
  }

  Path directory() {
    return directory;
  }

  void write(GateRun run) {
    synchronized (environment) {
      writeLocked(run);
    }
  }

  private void writeLocked(GateRun run) {
    String gate = run.spec().id();
    run.spec().models().forEach((name, m) -> environment.put(gate + ".model." + name,
        m.client() + ":" + m.settings().getOrDefault("model", name)));
    environment.put(gate + ".candidate", run.candidate().description());
    environment.put(gate + ".production", run.production().description());
    environment.put(gate + ".graders", String.join(", ", new TreeMap<>(run.spec().graders()).entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue().type()).toList()));
    environment.put(gate + ".spec.sha256", run.spec().sha256());
    environment.put(gate + ".decision", run.decision().action().wireName());
    environment.put(RELEASE_KEY, release(run));
    // One category per failure class and action that a threshold of this gate can take on it.
    for (CategorySpec c : run.spec().categories()) {
      run.spec().thresholds().stream().filter(t -> t.appliesTo(c)).map(ThresholdSpec::onBreach).distinct()
          .forEach(a -> actionsByFailureClass.computeIfAbsent(c.failureClass(), k -> new TreeSet<>(java.util.Comparator.reverseOrder())).add(a));
    }
    try {
      Files.createDirectories(directory);
      dev.rehearsal.text.Utf8Files.write(directory.resolve("environment.properties"), properties());
      dev.rehearsal.text.Utf8Files.write(directory.resolve("categories.json"), categories());
      dev.rehearsal.text.Utf8Files.write(directory.resolve("executor.json"), executor());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write Allure run files into " + directory.toAbsolutePath(), e);
    }
  }

  private String properties() {
    StringBuilder out = new StringBuilder();
    environment.forEach((k, v) -> out.append(escape(k)).append('=').append(escape(v)).append('\n'));
    return out.toString();
  }

  /** java.util.Properties escaping, so ':' '=' and non-ASCII survive. */
  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (char ch : s.toCharArray()) {
      if ("\\:=#!".indexOf(ch) >= 0) {
        out.append('\\').append(ch);
      } else if (ch < 0x20 || ch > 0x7e) {
        out.append(String.format("\\u%04x", (int) ch));
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  /**
   * Short names, one per failure class and action, whose rules are valid in Java (Allure 2, which
   * must match the whole message) and JavaScript (Allure 3, which searches it): see {@link Headlines}.
   * The release decision comes first, so the overview's categories widget lists it on top.
   */
  private String categories() throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ArrayNode all = json.createArrayNode();
    for (Action a : List.of(Action.ROLLBACK, Action.HOLD, Action.NARROW_ROLLOUT, Action.REPAIR)) {
      category(all, a.wireName().toUpperCase(Locale.ROOT) + ": release decision", Headlines.decisionRegex(a), "failed");
    }
    actionsByFailureClass.forEach((fc, actions) -> actions.forEach(a ->
        category(all, fc + " → " + a.wireName(), Headlines.breachRegex(fc, a), "failed")));
    category(all, "Not enough evidence", Headlines.noEvidenceRegex(), "failed");
    category(all, "Simulation unhealthy", Headlines.unhealthyRegex(), "failed");
    category(all, "Inconclusive (not acted on)", Headlines.inconclusiveRegex(), "skipped");
    category(all, "Infrastructure errors", "[\\s\\S]*", "broken");
    return json.writeValueAsString(all);
  }

  private static void category(ArrayNode all, String name, String regex, String status) {
    ObjectNode c = all.addObject().put("name", name).put("messageRegex", regex);
    c.putArray("matchedStatuses").add(status);
  }

  /** {@code HOLD (hh-harmlessness-hold: hold, hh-harmlessness-ship: ship)}: the release takes the most severe action. */
  private static String release(GateRun run) {
    decisions.put(run.spec().id(), run.decision().action());
    Action overall = decisions.values().stream().reduce(Action.SHIP, Action::max);
    return overall.wireName().toUpperCase(Locale.ROOT) + " (" + String.join(", ", decisions.entrySet().stream()
        .map(e -> e.getKey() + ": " + e.getValue().wireName()).toList()) + ")";
  }

  /**
   * The executor widget: the decision as the build name, so it is read before any test. In CI it
   * also links back to the job and orders the trend by pipeline.
   */
  private String executor() throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    String release = environment.get(RELEASE_KEY);
    if (!"true".equalsIgnoreCase(env.get("CI"))) {
      return json.writeValueAsString(json.createObjectNode().put("name", "Rehearsal").put("type", "rehearsal")
          .put("buildName", release).put("reportName", "Release " + release));
    }
    ObjectNode e = json.createObjectNode().put("name", "GitLab CI").put("type", "gitlab")
        .put("url", env.getOrDefault("CI_SERVER_URL", ""))
        .put("buildName", release + " · " + env.getOrDefault("CI_JOB_NAME", "job") + " #" + env.getOrDefault("CI_PIPELINE_IID", "?"))
        .put("buildUrl", env.getOrDefault("CI_JOB_URL", env.getOrDefault("CI_PIPELINE_URL", "")))
        .put("reportUrl", env.getOrDefault("CI_PAGES_URL", "")).put("reportName", "Release " + release);
    String order = env.getOrDefault("CI_PIPELINE_IID", "");
    if (order.matches("\\d+")) {
      e.put("buildOrder", Long.parseLong(order));
    }
    return json.writeValueAsString(e);
  }
}
