package dev.rehearsal.grade.judge;

import dev.rehearsal.grade.GraderContext;
import dev.rehearsal.grade.taxonomy.Taxonomy;
import dev.rehearsal.grade.taxonomy.TaxonomyEntry;
import dev.rehearsal.model.ModelConfig;
import dev.rehearsal.spec.GraderSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A judge grader's declaration, validated: which labels it gives and how each is defined, the prompt
 * template, the model, and how it votes and retries.
 *
 * @param id the grader id
 * @param model the {@code models:} entry that judges
 * @param definitions the definition text of each label, in declaration order
 * @param prompt the prompt template
 * @param multiLabel whether one call grades all labels (else one call per label)
 * @param samples judge calls per question; labels given by a strict majority win
 * @param voteTemperature the temperature of votes when {@code samples > 1} (single calls use 0)
 * @param retries extra attempts after a malformed verdict
 * @param modelProcedure the model's id and sampling parameters, for the fingerprint
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record JudgeSettings(String id, String model, Map<String, String> definitions, JudgePrompt prompt,
    boolean multiLabel, int samples, double voteTemperature, int retries, Map<String, Object> modelProcedure) {

  /** The keys of a {@code type: judge} declaration. */
  public static final Set<String> KEYS = Set.of("type", "model", "prompt", "categories", "labels", "definitions",
      "multi-label", "samples", "vote-temperature", "retries");

  private static final Set<String> MODEL_KEYS = Set.of("model", "max-tokens", "seed", "top-p", "stop");

  public JudgeSettings {
    definitions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(definitions));
    modelProcedure = Map.copyOf(modelProcedure);
  }

  /** Reads and checks the declaration; {@link IllegalArgumentException}s name the key. */
  public static JudgeSettings from(GraderSpec spec, GraderContext context, Taxonomy taxonomy) {
    SettingsReader r = new SettingsReader(spec.settings());
    String model = r.string("model").orElseThrow(() -> new IllegalArgumentException(
        "Missing required key 'model' (a name under 'models:')."));
    ModelConfig config = context.config(model).orElseThrow(() -> new IllegalArgumentException(
        "'model: " + model + "' names no entry under 'models:'."));
    Map<String, String> definitions = new LinkedHashMap<>();
    for (String ref : r.strings("categories")) {
      TaxonomyEntry e = taxonomy.find(ref).orElseThrow(() -> new IllegalArgumentException("'categories' entry '" + ref
          + "' is not in the taxonomy pack" + dev.rehearsal.spec.internal.Fields.closest(ref.replace(Taxonomy.PREFIX, ""),
              Set.copyOf(taxonomy.ids())).map(c -> "; did you mean '" + c + "'?").orElse("") + " Valid: " + taxonomy.ids() + "."));
      definitions.put(e.label(), e.judgeDefinition());
    }
    Map<String, String> overrides = r.stringMap("definitions");
    for (String label : r.strings("labels")) {
      definitions.put(label, "- " + label + ": " + overrides.getOrDefault(label, "(defined in the prompt)"));
    }
    overrides.forEach((label, text) -> {
      if (!definitions.containsKey(label)) {
        throw new IllegalArgumentException("'definitions' defines '" + label + "', which is not among the labels "
            + definitions.keySet() + ".");
      }
      definitions.put(label, "- " + label + ": " + text);
    });
    if (definitions.isEmpty()) {
      throw new IllegalArgumentException("A judge needs 'categories' (taxonomy ids) or 'labels' (with its own prompt).");
    }
    String template = spec.texts().containsKey("prompt") ? spec.texts().get("prompt")
        : r.string("prompt").map(context::read).orElse(taxonomy.judgeTemplate());
    int samples = r.integer("samples", 1, 1);
    return new JudgeSettings(spec.id(), model, definitions, new JudgePrompt(template), r.bool("multi-label"),
        samples, r.number("vote-temperature", 1.0), r.integer("retries", 2, 0), procedure(config));
  }

  private static Map<String, Object> procedure(ModelConfig config) {
    // Only what changes the judge's answers: not endpoints (may embed secrets) or runtime limits.
    Map<String, Object> out = new TreeMap<>();
    out.put("client", config.client());
    config.settings().forEach((k, v) -> {
      if (MODEL_KEYS.contains(k)) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** The labels in declaration order. */
  public List<String> labels() {
    return new ArrayList<>(definitions.keySet());
  }
}
