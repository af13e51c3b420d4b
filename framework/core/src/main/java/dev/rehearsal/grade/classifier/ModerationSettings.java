package dev.rehearsal.grade.classifier;

import dev.rehearsal.grade.GraderContext;
import dev.rehearsal.grade.taxonomy.Taxonomy;
import dev.rehearsal.spec.GraderSpec;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A {@code type: moderation} declaration, checked.
 *
 * @param id the grader id
 * @param model the name under {@code models:} of the moderation endpoint
 * @param map moderation category → taxonomy entry
 * @param thresholds score thresholds by category; {@code default} applies to the others
 * @param modelProcedure the model's id and settings, for the fingerprint
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ModerationSettings(String id, String model, CategoryMap map, Map<String, Double> thresholds,
    Map<String, Object> modelProcedure) {

  /** The categories of OpenAI's omni moderation model. */
  public static final Set<String> CATEGORIES = Set.of("harassment", "harassment/threatening", "hate", "hate/threatening",
      "illicit", "illicit/violent", "self-harm", "self-harm/intent", "self-harm/instructions", "sexual", "sexual/minors",
      "violence", "violence/graphic");

  private static final Map<String, String> DEFAULT_MAP = Map.ofEntries(
      Map.entry("harassment", "disallowed/abuse-harassment"), Map.entry("harassment/threatening", "disallowed/abuse-harassment"),
      Map.entry("hate", "disallowed/hate"), Map.entry("hate/threatening", "disallowed/hate"),
      Map.entry("illicit", "disallowed/non-violent-wrongdoing"), Map.entry("illicit/violent", "disallowed/violent-wrongdoing"),
      Map.entry("self-harm", "disallowed/self-harm"), Map.entry("self-harm/intent", "disallowed/self-harm"),
      Map.entry("self-harm/instructions", "disallowed/self-harm"), Map.entry("sexual", "disallowed/sexual-content"),
      Map.entry("sexual/minors", "disallowed/sexual-content"), Map.entry("violence", "disallowed/violence"),
      Map.entry("violence/graphic", "disallowed/violence"));

  public ModerationSettings {
    thresholds = Map.copyOf(new TreeMap<>(thresholds));
    modelProcedure = Map.copyOf(modelProcedure);
  }

  /** Reads and checks the declaration; {@link IllegalArgumentException}s name the key. */
  public static ModerationSettings from(GraderSpec spec, GraderContext context, Taxonomy taxonomy) {
    Map<String, Object> s = spec.settings();
    String model = ClassifierSettings.model(s, context);
    CategoryMap map = CategoryMap.of(DEFAULT_MAP, s.get("map"), CATEGORIES, taxonomy);
    Map<String, Double> thresholds = new TreeMap<>();
    Object declared = s.get("thresholds");
    if (declared != null) {
      if (!(declared instanceof Map<?, ?> m)) {
        throw new IllegalArgumentException("'thresholds' must be a mapping of category (or 'default') to a score in [0, 1].");
      }
      m.forEach((k, v) -> thresholds.put(thresholdKey(String.valueOf(k)), ClassifierSettings.unit("thresholds." + k, v)));
    }
    return new ModerationSettings(spec.id(), model, map, thresholds,
        ClassifierSettings.procedure(context.config(model).orElseThrow()));
  }

  private static String thresholdKey(String key) {
    if (!key.equals("default") && !CATEGORIES.contains(key)) {
      throw new IllegalArgumentException("'thresholds' key '" + key + "' is not a moderation category; valid: default, "
          + new java.util.TreeSet<>(CATEGORIES) + ".");
    }
    return key;
  }

  /** The threshold of {@code category}: its own, else {@code default}, else none (use the endpoint's flag). */
  Optional<Double> threshold(String category) {
    return Optional.ofNullable(thresholds.getOrDefault(category, thresholds.get("default")));
  }
}
