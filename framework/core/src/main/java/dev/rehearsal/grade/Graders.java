package dev.rehearsal.grade;

import dev.rehearsal.spec.GraderSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/** Creates the built-in rule graders from their spec declarations. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Graders {

  private static final Map<String, Set<String>> KEYS = Map.of(
      "refusal", Set.of("type", "label", "extra-phrases", "rules-only"),
      "compliance", Set.of("type", "label", "extra-phrases", "rules-only"),
      "pii", Set.of("type"),
      "keywords", Set.of("type", "label", "words"),
      "regex", Set.of("type", "label", "patterns"),
      "judge", dev.rehearsal.grade.judge.JudgeSettings.KEYS,
      "java", dev.rehearsal.grade.spi.CustomGraders.KEYS,
      "moderation", dev.rehearsal.grade.classifier.ModerationGrader.KEYS,
      "guard-model", dev.rehearsal.grade.classifier.GuardModelGrader.KEYS);

  private Graders() {}

  /** The grader types and, for each, the keys its declaration accepts. */
  public static Map<String, Set<String>> types() {
    return KEYS;
  }

  /**
   * Creates a rule grader; an {@link IllegalArgumentException} names the setting that is wrong.
   * Model-backed graders need {@link #create(GraderSpec, GraderContext)}.
   */
  public static Grader create(GraderSpec spec) {
    return create(spec, GraderContext.rulesOnly());
  }

  /**
   * Creates the grader, taking models and prompt files from {@code context}; an
   * {@link IllegalArgumentException} names the setting that is wrong. No model is called here.
   */
  public static Grader create(GraderSpec spec, GraderContext context) {
    Map<String, Object> s = spec.settings();
    String label = String.valueOf(s.getOrDefault("label", spec.type().equals("refusal") ? "refusal"
        : spec.type().equals("compliance") ? "answered" : spec.id()));
    return switch (spec.type()) {
      case "refusal" -> new RefusalGrader(label, strings(s, "extra-phrases", false), refusalModel(s));
      case "compliance" -> new ComplianceGrader(label, strings(s, "extra-phrases", false), refusalModel(s));
      case "pii" -> new PiiGrader();
      case "keywords" -> new KeywordGrader(label, strings(s, "words", true));
      case "regex" -> new PatternGrader(label, regexes(strings(s, "patterns", true)));
      case "judge" -> judge(spec, context);
      case "java" -> dev.rehearsal.grade.spi.CustomGraders.create(s, context);
      case "moderation" -> moderation(spec, context);
      case "guard-model" -> dev.rehearsal.grade.classifier.GuardModelGrader.from(spec, context,
          dev.rehearsal.grade.taxonomy.Taxonomy.defaults());
      default -> throw new IllegalArgumentException("Unknown grader type '" + spec.type() + "'");
    };
  }

  private static Grader judge(GraderSpec spec, GraderContext context) {
    var settings = dev.rehearsal.grade.judge.JudgeSettings.from(spec, context,
        dev.rehearsal.grade.taxonomy.Taxonomy.defaults());
    return new dev.rehearsal.grade.judge.JudgeGrader(settings, () -> context.model(settings.model()));
  }

  private static Grader moderation(GraderSpec spec, GraderContext context) {
    var settings = dev.rehearsal.grade.classifier.ModerationSettings.from(spec, context,
        dev.rehearsal.grade.taxonomy.Taxonomy.defaults());
    return new dev.rehearsal.grade.classifier.ModerationGrader(settings, () -> context.model(settings.model()));
  }

  /** The built-in refusal model, or none with {@code rules-only: true}. */
  private static @Nullable RefusalModel refusalModel(Map<String, Object> s) {
    Object v = s.getOrDefault("rules-only", false);
    if (!(v instanceof Boolean rulesOnly)) {
      throw new IllegalArgumentException("'rules-only' must be true or false, not '" + v + "'.");
    }
    return rulesOnly ? null : RefusalModel.builtIn();
  }

  private static List<Pattern> regexes(List<String> patterns) {
    List<Pattern> out = new ArrayList<>();
    for (String p : patterns) {
      try {
        out.add(Pattern.compile(p, Pattern.CASE_INSENSITIVE));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("'patterns' entry is not a valid regex: " + e.getDescription()
            + " near index " + e.getIndex() + " of \"" + p + "\"", e);
      }
    }
    return out;
  }

  private static List<String> strings(Map<String, Object> s, String key, boolean required) {
    Object v = s.get(key);
    if (v == null) {
      if (required) {
        throw new IllegalArgumentException("Missing required key '" + key + "' (a list of strings).");
      }
      return List.of();
    }
    if (v instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(String.class::isInstance)) {
      return list.stream().map(String.class::cast).toList();
    }
    throw new IllegalArgumentException("'" + key + "' must be a non-empty list of strings.");
  }
}
