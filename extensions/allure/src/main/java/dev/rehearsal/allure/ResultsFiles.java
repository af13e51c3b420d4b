package dev.rehearsal.allure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.spec.CategorySpec;
import io.qameta.allure.util.PropertiesUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The run-wide files of an Allure results directory: {@code categories.json} (one category per
 * failure class, plus inconclusive, unhealthy and blocked releases), {@code environment.properties}
 * (models, graders, spec hashes of every gate in the run) and, in CI, {@code executor.json} so the
 * report links back to the pipeline and orders its trend by pipeline.
 */
final class ResultsFiles {

  private final Path directory;
  private final Map<String, String> env;
  // Shared by every engine execution in the JVM: each suite class (ShipGateTest, HoldGateTest)
  // starts its own execution, and each gate must stay in the run-wide files.
  private static final Map<String, String> environment = new TreeMap<>();
  private static final TreeSet<String> failureClasses = new TreeSet<>();

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
    run.spec().categories().stream().map(CategorySpec::failureClass).forEach(failureClasses::add);
    try {
      Files.createDirectories(directory);
      dev.rehearsal.text.Utf8Files.write(directory.resolve("environment.properties"), properties());
      dev.rehearsal.text.Utf8Files.write(directory.resolve("categories.json"), categories());
      if ("true".equalsIgnoreCase(env.get("CI"))) {
        dev.rehearsal.text.Utf8Files.write(directory.resolve("executor.json"), executor());
      }
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

  private String categories() throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ArrayNode all = json.createArrayNode();
    for (String fc : failureClasses) {
      category(all, "Breach: " + fc, "(?s).*failure class " + java.util.regex.Pattern.quote(fc) + "\\).*", "failed");
    }
    category(all, "Inconclusive (too few samples)", "(?s).*(Inconclusive|Not enough evidence).*", "skipped");
    category(all, "Simulation unhealthy", "(?s).*Simulation is unhealthy.*", "failed");
    category(all, "Release blocked", "(?s)Release decision for gate.*", "failed");
    category(all, "Infrastructure errors", "(?s).*", "broken");
    return json.writeValueAsString(all);
  }

  private static void category(ArrayNode all, String name, String regex, String status) {
    ObjectNode c = all.addObject().put("name", name).put("messageRegex", regex);
    c.putArray("matchedStatuses").add(status);
  }

  private String executor() throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode e = json.createObjectNode().put("name", "GitLab CI").put("type", "gitlab")
        .put("url", env.getOrDefault("CI_SERVER_URL", ""))
        .put("buildName", env.getOrDefault("CI_JOB_NAME", "job") + " #" + env.getOrDefault("CI_PIPELINE_IID", "?"))
        .put("buildUrl", env.getOrDefault("CI_JOB_URL", env.getOrDefault("CI_PIPELINE_URL", "")))
        .put("reportUrl", env.getOrDefault("CI_PAGES_URL", "")).put("reportName", "Rehearsal release gates");
    String order = env.getOrDefault("CI_PIPELINE_IID", "");
    if (order.matches("\\d+")) {
      e.put("buildOrder", Long.parseLong(order));
    }
    return json.writeValueAsString(e);
  }
}
