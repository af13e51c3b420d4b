package dev.rehearsal.spec;

import dev.rehearsal.grade.GraderContext;
import dev.rehearsal.grade.Graders;
import dev.rehearsal.grade.taxonomy.Taxonomy;
import dev.rehearsal.grade.taxonomy.TaxonomyEntry;
import dev.rehearsal.model.ModelClientProvider;
import dev.rehearsal.model.ModelClients;
import dev.rehearsal.model.ModelConfig;
import dev.rehearsal.model.runtime.tools.ToolPolicy;
import dev.rehearsal.spec.internal.Fields;
import dev.rehearsal.spec.internal.ListNode;
import dev.rehearsal.spec.internal.MapNode;
import dev.rehearsal.spec.internal.Node;
import dev.rehearsal.spec.internal.Plain;
import dev.rehearsal.spec.internal.ScalarNode;
import dev.rehearsal.spec.internal.YamlTreeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Loads a gate file into a validated {@link GateSpec}. Strict: unknown keys, wrong types, missing
 * keys, dangling references, missing data files and paths that escape the project are all
 * {@link SpecException}s with file:line:column.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GateSpecLoader {

  static final int MAX_FILE_BYTES = 1024 * 1024;
  static final Set<String> TOP = Set.of("gate", "promise", "owner", "tags", "prefixes", "arms",
      "models", "graders", "categories", "thresholds", "evidence", "health", "audit", "traffic",
      "grading");
  private static final String ID = "[a-z0-9][a-z0-9._/-]*";
  // The keys each section accepts; package-visible so the JSON Schema's tests can compare.
  static final Set<String> ARMS = Set.of("production", "candidate");
  static final Set<String> ARM_KEYS = Set.of("replay", "model", "tools");
  static final Set<String> TOOLS_KEYS = Set.of("policy", "simulator", "max-steps");
  static final Set<String> TOOL_POLICIES = Set.of("single-turn", "replay", "simulate");
  static final Set<String> CATEGORY_KEYS = Set.of("use", "id", "grader", "label", "severity", "failure-class", "owner",
      "tags", "grading");
  static final Set<String> AUDIT_KEYS = Set.of("model", "sample", "max-unreviewed", "reviewed");
  static final Set<String> HEALTH_KEYS = Set.of("max-error-share", "min-sample-share", "max-empty-share");
  static final Set<String> TRAFFIC_KEYS = Set.of("conversations-per-day");
  /** Keys every model entry accepts besides its provider's {@code settingKeys()}. */
  static final Set<String> MODEL_COMMON_KEYS = Set.of("client", "api-key-env", "mode", "batch");

  private final SpecContext context;

  public GateSpecLoader(SpecContext context) {
    this.context = context;
  }

  /** Loads and validates the gate file. */
  public GateSpec load(Path file) {
    return load(file, file);
  }

  /**
   * Loads and validates {@code file}, resolving its relative paths against the directory of
   * {@code found}: where a runner found the gate (a copy on the class path, for example
   * {@code target/test-classes}), which may hold files its editable original's folder does not. Positions in
   * errors and reports name {@code file}.
   */
  public GateSpec load(Path file, Path found) {
    Path abs = file.toAbsolutePath().normalize();
    Path at = found.toAbsolutePath().normalize();
    byte[] bytes = read(abs);
    String text = new String(bytes, StandardCharsets.UTF_8);
    Node root = new YamlTreeReader(context.environment()).read(abs, text);
    Fields top = Fields.of(root, TOP);
    String id = id(top.require("gate"));
    Map<String, ModelConfig> models = models(top);
    GraderContext graderContext = GraderContext.of(models, at.getParent(), context.projectRoot());
    Map<String, GraderSpec> graders = graders(top, graderContext);
    ModelSettingsCheck.noBatchGraders(top, models);
    ModelSettingsCheck.noBatchAuditor(top, models);
    Map<String, Node> modelNodes = top.optional("models").map(n -> Fields.asMap(n).entries()).orElse(Map.of());
    ArmSpec production = arm(top, "production", models, modelNodes);
    ArmSpec candidate = arm(top, "candidate", models, modelNodes);
    List<CategorySpec> categories = categories(top, graders, graderContext,
        GradingReader.read(top.optional("grading"), GradingSpec.defaults()));
    List<SegmentSpec> segments = new ArrayList<>();
    PrefixSpec prefixes = new PrefixesReader(context).read(top.require("prefixes"), at, segments);
    for (ArmSpec arm : List.of(production, candidate)) {
      MultiReplyNames.check(prefixes.source(), arm,
          () -> Fields.of(Fields.of(top.require("arms"), ARMS).require(arm.name()), ARM_KEYS).require("replay"));
    }
    ModelSettingsCheck.noBatchSequential(top, prefixes, models, production, candidate);
    return new GateSpec(id, top.string("promise"), top.string("owner"), top.strings("tags"), prefixes, production,
        candidate, models, graders, categories, ThresholdsReader.read(top.optional("thresholds"), top.optional("evidence"),
        categories, segments), health(top), abs, top.mark(), sha256(bytes), audit(top, models), traffic(top));
  }

  private static byte[] read(Path file) {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new SpecException(new Mark(file, 1, 1), "$", "Gate file is larger than " + MAX_FILE_BYTES
            + " bytes; keep data in data files and reference them with 'path:' or 'data:'.");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new SpecException(new Mark(file, 1, 1), "$", "Cannot read the gate file: " + e);
    }
  }

  static String id(Node node) {
    ScalarNode s = Fields.asScalar(node);
    if (s.interpolatedFrom().isPresent()) {
      // Ids name report folders, unique ids and store rows: a value from the environment would leak.
      throw s.error("Ids are written out in the gate file, not taken from the environment; found "
          + s.shown() + ".");
    }
    if (!s.text().matches(ID)) {
      throw s.error("Ids use lower-case letters, digits and . _ / - and start with a letter or digit; found "
          + s.shown() + ".");
    }
    return s.text();
  }

  private static Map<String, ModelConfig> models(Fields top) {
    Map<String, ModelConfig> out = new LinkedHashMap<>();
    for (var e : top.optional("models").map(Fields::asMap).map(MapNode::entries).orElse(Map.of()).entrySet()) {
      MapNode m = Fields.asMap(e.getValue());
      ScalarNode client = Fields.asScalar(m.get("client").orElseThrow(() -> m.error("Missing required key 'client'.")));
      ModelClientProvider provider;
      try {
        provider = ModelClients.provider(client.text());
      } catch (IllegalArgumentException ex) {
        throw client.error(ex.getMessage());
      }
      Set<String> keys = new java.util.HashSet<>(provider.settingKeys());
      keys.addAll(MODEL_COMMON_KEYS);
      Fields f = Fields.of(m, keys);
      @SuppressWarnings("unchecked")
      Map<String, Object> settings = new LinkedHashMap<>((Map<String, Object>) Plain.of(m));
      settings.remove("client");
      settings.remove("api-key-env");
      ModelConfig config = new ModelConfig(e.getKey(), client.text(), settings, f.optionalString("api-key-env"));
      ModelSettingsCheck.validate(provider, config, m);
      ModelSettingsCheck.batch(provider, config, m);
      out.put(e.getKey(), config);
    }
    return out;
  }

  private static Map<String, GraderSpec> graders(Fields top, GraderContext graderContext) {
    Map<String, GraderSpec> out = new LinkedHashMap<>();
    for (var e : top.optional("graders").map(Fields::asMap).map(MapNode::entries).orElse(Map.of()).entrySet()) {
      MapNode m = Fields.asMap(e.getValue());
      Node typeNode = m.get("type").orElseThrow(() -> m.error("Missing required key 'type'."));
      String type = Fields.choice(typeNode, Graders.types().keySet());
      Fields.of(m, Graders.types().get(type));
      if (type.equals("java")) {
        customSettings(e.getKey(), m);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> settings = (Map<String, Object>) Plain.of(m);
      GraderSpec spec = new GraderSpec(e.getKey(), type, settings, m.mark(), texts(m, graderContext));
      try {
        Graders.create(spec, graderContext);
      } catch (IllegalArgumentException ex) {
        throw m.error("Grader '" + e.getKey() + "': " + ex.getMessage());
      }
      out.put(e.getKey(), spec);
    }
    return out;
  }

  /** A custom grader's {@code settings:} block is validated against the keys its class declares. */
  private static void customSettings(String id, MapNode m) {
    dev.rehearsal.grade.spi.CustomGrader custom;
    try {
      custom = dev.rehearsal.grade.spi.CustomGraders.find(plainMap(m));
    } catch (IllegalArgumentException ex) {
      throw m.error("Grader '" + id + "': " + ex.getMessage());
    }
    m.get("settings").ifPresent(n -> Fields.of(n, custom.settingKeys()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> plainMap(MapNode m) {
    return (Map<String, Object>) Plain.of(m);
  }

  private static ArmSpec arm(Fields top, String name, Map<String, ModelConfig> models, Map<String, Node> modelNodes) {
    Fields arms = Fields.of(top.require("arms"), ARMS);
    Fields f = Fields.of(arms.require(name), ARM_KEYS);
    Optional<String> replay = f.optionalString("replay");
    Optional<String> model = f.optionalString("model");
    if (replay.isPresent() == model.isPresent()) {
      throw f.node().error("Arm '" + name + "' needs exactly one of 'replay: <variant>' (logged responses) or"
          + " 'model: <name>' (regenerate with a model from 'models:').");
    }
    if (model.isPresent() && !models.containsKey(model.get())) {
      throw f.require("model").error("No model named '" + model.get() + "' under 'models:'; declared: "
          + models.keySet() + ".");
    }
    Optional<Node> toolsNode = f.optional("tools");
    if (toolsNode.isPresent() && replay.isPresent()) {
      throw toolsNode.get().error("Arm '" + name + "' replays logged responses; 'tools' applies only to a"
          + " 'model:' arm.");
    }
    ToolsSpec tools = toolsNode.map(n -> tools(n, models)).orElse(ToolsSpec.SINGLE_TURN);
    if (model.isPresent() && ModelSettingsCheck.batch(models.get(model.get())) && tools.policy() != ToolPolicy.SINGLE_TURN) {
      throw toolsNode.orElseThrow().error("Arm '" + name + "' uses model '" + model.get() + "' in 'mode: batch', which"
          + " answers each prefix with one request; tool policy '" + tools.policyName() + "' needs a round trip per"
          + " tool call. Use 'policy: single-turn' or 'mode: sync' for this model.");
    }
    return new ArmSpec(name, replay, model, f.mark(), tools);
  }

  /** {@code tools: { policy: single-turn | replay | simulate, simulator: <model>, max-steps: 3 }}. */
  private static ToolsSpec tools(Node node, Map<String, ModelConfig> models) {
    Fields t = Fields.of(node, TOOLS_KEYS);
    String policyName = t.optional("policy").map(n -> Fields.choice(n, TOOL_POLICIES))
        .orElse("single-turn");
    ToolPolicy policy = ToolPolicy.fromSpec(policyName);
    Optional<String> simulator = t.optionalString("simulator");
    if (simulator.isPresent() && !models.containsKey(simulator.get())) {
      throw t.require("simulator").error("No model named '" + simulator.get() + "' under 'models:'; declared: "
          + models.keySet() + ".");
    }
    if (policy == ToolPolicy.SIMULATE && simulator.isEmpty()) {
      throw t.node().error("'policy: simulate' needs 'simulator: <name>', the model from 'models:' that writes"
          + " tool results.");
    }
    if (policy != ToolPolicy.SIMULATE && simulator.isPresent()) {
      throw t.require("simulator").error("'simulator' is used only with 'policy: simulate' (policy is '"
          + policyName + "').");
    }
    int maxSteps = t.optionalInteger("max-steps", 1).orElse(ToolsSpec.DEFAULT_MAX_STEPS);
    return new ToolsSpec(policy, simulator, maxSteps);
  }

  /** Reads the files a grader names (its judge prompt), confined to the project root. */
  private static Map<String, String> texts(MapNode grader, GraderContext graderContext) {
    Optional<Node> prompt = grader.get("prompt");
    if (prompt.isEmpty()) {
      return Map.of();
    }
    ScalarNode p = Fields.asScalar(prompt.get());
    try {
      return Map.of("prompt", graderContext.read(p.text()));
    } catch (IllegalArgumentException ex) {
      throw p.error(ex.getMessage());
    }
  }

  private static List<CategorySpec> categories(Fields top, Map<String, GraderSpec> graders, GraderContext graderContext,
      GradingSpec grading) {
    List<CategorySpec> out = new ArrayList<>();
    for (Node n : Fields.asList(top.require("categories")).items()) {
      Fields f = Fields.of(n, CATEGORY_KEYS);
      Optional<TaxonomyEntry> used = f.optional("use").map(GateSpecLoader::taxonomyEntry);
      String id = used.isPresent() && f.optional("id").isEmpty() ? used.get().id() : id(f.require("id"));
      if (out.stream().anyMatch(c -> c.id().equals(id))) {
        throw f.require("id").error("Category id '" + id + "' is used twice.");
      }
      ScalarNode graderNode = Fields.asScalar(f.require("grader"));
      GraderSpec grader = graders.get(graderNode.text());
      if (grader == null) {
        throw graderNode.error(Fields.closest(graderNode.text(), graders.keySet())
            .map(c -> "No grader '" + graderNode.text() + "'. Did you mean '" + c + "'? ").orElse("No grader '"
                + graderNode.text() + "'. ") + "Declared graders: " + graders.keySet() + ".");
      }
      var instance = Graders.create(grader, graderContext);
      String label = f.optionalString("label").or(() -> used.map(TaxonomyEntry::label)).orElse(instance.defaultLabel());
      if (!instance.labels().contains(label)) {
        throw f.optional("label").orElse(graderNode).error("Grader '" + grader.id() + "' gives the labels "
            + instance.labels() + "; '" + label + "' is not one of them." + used.map(u -> " Add '" + u.id()
                + "' to the judge's 'categories:' list.").orElse(""));
      }
      Severity severity = Severity.valueOf(f.optional("severity")
          .map(s -> Fields.choice(s, Set.of("critical", "high", "medium", "low")))
          .orElse(used.map(u -> u.severity().wireName()).orElse("medium")).toUpperCase(Locale.ROOT));
      String failureClass = f.optionalString("failure-class")
          .orElse(used.map(u -> u.failureClass().wireName()).orElse("unclassified"));
      String owner = used.isPresent() ? f.optionalString("owner").orElse(used.get().owner()) : f.string("owner");
      out.add(new CategorySpec(id, grader.id(), label, severity, failureClass, owner, f.strings("tags"), f.mark(),
          GradingReader.read(f.optional("grading"), grading)));
    }
    if (out.isEmpty()) {
      throw top.require("categories").error("A gate needs at least one category.");
    }
    return out;
  }

  /** {@code audit: { model: auditor, sample: 200, max-unreviewed: 0, reviewed: [name] }}. */
  private static Optional<AuditSpec> audit(Fields top, Map<String, ModelConfig> models) {
    return top.optional("audit").map(n -> {
      Fields f = Fields.of(n, AUDIT_KEYS);
      ScalarNode model = Fields.asScalar(f.require("model"));
      if (!models.containsKey(model.text())) {
        throw model.error("No model named '" + model.text() + "' under 'models:'; declared: " + models.keySet() + ".");
      }
      return new AuditSpec(model.text(), f.optionalInteger("sample", 1).orElse(200), f.optionalInteger("max-unreviewed", 0),
          f.strings("reviewed"), f.mark());
    });
  }

  /** The pack entry a {@code use: taxonomy/<id>} names. */
  private static TaxonomyEntry taxonomyEntry(Node node) {
    ScalarNode s = Fields.asScalar(node);
    Taxonomy pack = Taxonomy.defaults();
    if (s.text().startsWith(Taxonomy.PREFIX)) {
      Optional<TaxonomyEntry> entry = pack.find(s.text());
      if (entry.isPresent()) {
        return entry.get();
      }
    }
    String bare = s.text().replaceFirst("^" + Taxonomy.PREFIX, "");
    throw s.error("'use' names no entry of the taxonomy pack" + Fields.closest(bare, Set.copyOf(pack.ids()))
        .map(c -> ". Did you mean 'taxonomy/" + c + "'?").orElse(".") + " Write 'use: taxonomy/<id>'; ids: "
        + pack.ids() + ".");
  }

  static MapNode emptyMap(Fields parent, String key) {
    return new MapNode(Map.of(), Map.of(), parent.mark(), parent.node().path() + "." + key);
  }

  private static HealthSpec health(Fields top) {
    Fields f = Fields.of(top.optional("health").orElse(emptyMap(top, "health")), HEALTH_KEYS);
    String share = "a share between 0 and 1 (or 0% and 100%)";
    double errors = f.optional("max-error-share").map(n -> Fields.number(n, 0, 1, share)).orElse(0.02);
    double sample = f.optional("min-sample-share").map(n -> Fields.number(n, 0, 1, share)).orElse(1.0);
    double empty = f.optional("max-empty-share").map(n -> Fields.number(n, 0, 1, share)).orElse(0.0);
    return new HealthSpec(errors, sample, empty);
  }

  private static Optional<TrafficSpec> traffic(Fields top) {
    return top.optional("traffic").map(node -> {
      Fields f = Fields.of(node, TRAFFIC_KEYS);
      long perDay = f.longValue("conversations-per-day");
      if (perDay < 1) {
        throw f.require("conversations-per-day").error("conversations-per-day must be at least 1, got " + perDay + ".");
      }
      return new TrafficSpec(perDay, f.mark());
    });
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }

}
