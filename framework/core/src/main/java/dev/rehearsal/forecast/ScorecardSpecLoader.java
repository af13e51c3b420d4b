package dev.rehearsal.forecast;

import dev.rehearsal.spec.SampleSpec;
import dev.rehearsal.spec.SourceSpec;
import dev.rehearsal.spec.SpecContext;
import dev.rehearsal.spec.SpecException;
import dev.rehearsal.spec.internal.Fields;
import dev.rehearsal.spec.internal.Node;
import dev.rehearsal.spec.internal.ScalarNode;
import dev.rehearsal.spec.internal.YamlTreeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Loads a scorecard file strictly, like gate files: unknown keys, wrong types and missing files are
 * {@link SpecException}s with file:line:column.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ScorecardSpecLoader {

  static final Set<String> TOP = Set.of("scorecard", "release", "forecast", "validation", "challenging",
      "auditor", "scoring");
  // The keys each section accepts; package-visible so the JSON Schema's tests can compare.
  static final Set<String> FORECAST_KEYS = Set.of("gate", "fidelity-model");
  static final Set<String> VALIDATION_KEYS = Set.of("gate", "logs", "sample");
  static final Set<String> SAMPLE_KEYS = Set.of("size", "seed");
  static final Set<String> CHALLENGING_KEYS = Set.of("prompts", "model", "size");
  static final Set<String> SCORING_KEYS = Set.of("move-factor", "confidence", "min-fidelity-events", "max-error", "method");
  static final Set<String> SOURCE_KEYS = Set.of("format", "path", "data");
  private final SpecContext context;

  public ScorecardSpecLoader(SpecContext context) {
    this.context = context;
  }

  /** Loads and validates the scorecard file. */
  public ScorecardSpec load(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Node root = new YamlTreeReader(context.environment()).read(abs, read(abs));
    Fields top = Fields.of(root, TOP);
    Optional<ScorecardSpec.ForecastSource> forecast = top.optional("forecast").map(n -> {
      Fields f = Fields.of(n, FORECAST_KEYS);
      return new ScorecardSpec.ForecastSource(file(f, "gate", abs), f.string("fidelity-model"));
    });
    Fields v = Fields.of(top.require("validation"), VALIDATION_KEYS);
    Path gate = v.optional("gate").isPresent() ? file(v, "gate", abs)
        : forecast.map(ScorecardSpec.ForecastSource::gate).orElseThrow(() -> v.node().error(
            "Missing required key 'gate': without a 'forecast:' block the validation needs the gate file whose"
                + " graders measured the stored forecasts."));
    Fields s = Fields.of(v.require("sample"), SAMPLE_KEYS);
    ScorecardSpec.ValidationSpec validation = new ScorecardSpec.ValidationSpec(gate, source(v.require("logs"), abs),
        new SampleSpec(s.integer("size", 1), s.longValue("seed"), s.mark()));
    Optional<ScorecardSpec.ChallengeSpec> challenging = top.optional("challenging").map(n -> {
      Fields c = Fields.of(n, CHALLENGING_KEYS);
      return new ScorecardSpec.ChallengeSpec(source(c.require("prompts"), abs), c.string("model"),
          c.optionalInteger("size", 1).orElse(1000));
    });
    return new ScorecardSpec(id(top.require("scorecard")), Fields.asScalar(top.require("release")).text(), forecast,
        validation, challenging, auditor(top), scoring(top), abs, top.mark());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SpecException(new dev.rehearsal.spec.Mark(file, 1, 1), "$", "Cannot read the scorecard file: " + e);
    }
  }

  private static String id(Node node) {
    ScalarNode s = Fields.asScalar(node);
    if (!s.text().matches("[a-z0-9][a-z0-9._/-]*")) {
      throw s.error("Ids use lower-case letters, digits and . _ / - and start with a letter or digit; found "
          + s.shown() + ".");
    }
    return s.text();
  }

  private static KeywordAuditor auditor(Fields top) {
    Map<String, Pattern> kinds = new LinkedHashMap<>();
    top.optional("auditor").map(Fields::asMap).ifPresent(m -> m.entries().forEach((kind, node) -> {
      ScalarNode regex = Fields.asScalar(node);
      try {
        kinds.put(kind, Pattern.compile(regex.text(), Pattern.CASE_INSENSITIVE));
      } catch (java.util.regex.PatternSyntaxException e) {
        throw regex.error("Auditor pattern '" + kind + "' is not a valid regex: " + e.getDescription() + ".");
      }
    }));
    return new KeywordAuditor(kinds);
  }

  private static ScoringOptions scoring(Fields top) {
    ScoringOptions d = ScoringOptions.defaults();
    Optional<Fields> f = top.optional("scoring").map(n -> Fields.of(n, SCORING_KEYS));
    if (f.isEmpty()) {
      return d;
    }
    Fields s = f.get();
    double move = s.optional("move-factor").map(Fields::number).orElse(d.moveFactor());
    double confidence = s.optional("confidence").map(Fields::number).orElse(d.confidence());
    double maxError = s.optional("max-error").map(Fields::number).orElse(d.maxError());
    int m = s.optionalInteger("min-fidelity-events", 1).orElse(FidelityCalibration.DEFAULT_MIN_EVENTS);
    Method method = s.optional("method").map(n -> Method.valueOf(Fields.choice(n, Set.of("raw", "calibrated",
        "previous", "challenging")).toUpperCase(java.util.Locale.ROOT))).orElse(d.scored());
    try {
      return new ScoringOptions(move, confidence, new FidelityCalibration(m), maxError, method);
    } catch (IllegalArgumentException e) {
      throw s.node().error(e.getMessage() + ".");
    }
  }

  private Path file(Fields f, String key, Path specFile) {
    ScalarNode node = Fields.asScalar(f.require(key));
    return existing(node, specFile.getParent().resolve(node.text()).normalize(), context.projectRoot());
  }

  private SourceSpec source(Node node, Path specFile) {
    Fields src = Fields.of(node, SOURCE_KEYS);
    String format = Fields.choice(src.require("format"), Set.of("openai-messages", "hh-rlhf", "csv"));
    if (src.optional("path").isPresent() == src.optional("data").isPresent()) {
      throw src.node().error("Give exactly one of 'path' (relative to the scorecard file) or 'data' (relative to"
          + " the data root " + context.dataRoot() + ").");
    }
    boolean path = src.optional("path").isPresent();
    ScalarNode value = Fields.asScalar(src.require(path ? "path" : "data"));
    Path base = path ? specFile.getParent() : context.dataRoot();
    Path resolved = existing(value, base.resolve(value.text()).normalize(), path ? context.projectRoot() : context.dataRoot());
    return SourceSpec.file(format, resolved, src.mark());
  }

  private static Path existing(ScalarNode node, Path resolved, Path root) {
    if (!dev.rehearsal.spec.internal.Containment.inside(resolved, root)) {
      throw node.error("Path " + node.shown() + " resolves outside " + root + " (symbolic links resolved). Keep files inside it.");
    }
    if (!Files.isRegularFile(resolved)) {
      throw node.error("File not found: " + resolved + ". Check the path (logs generated at test time must exist"
          + " before discovery).");
    }
    return resolved;
  }
}
