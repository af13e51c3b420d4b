package dev.rehearsal.spec;

import dev.rehearsal.model.ModelClientProvider;
import dev.rehearsal.model.ModelConfig;
import dev.rehearsal.spec.internal.MapNode;
import dev.rehearsal.spec.internal.Node;
import java.util.Optional;

/**
 * Runs a provider's load-time check of a model entry and turns its complaint into a spec error at
 * the offending key: model settings used to be checked only when the gate ran, without a position
 * (issue 12: {@code concurrency: 1.0e+18} read as "must be positive, was -1486618624").
 */
final class ModelSettingsCheck {

  private ModelSettingsCheck() {}

  static void validate(ModelClientProvider provider, ModelConfig config, MapNode entry) {
    try {
      provider.validate(config);
    } catch (IllegalArgumentException | ArithmeticException e) {
      String message = String.valueOf(e.getMessage());
      throw at(entry, "models." + config.name() + ".", message)
          .error("Invalid model setting: " + message.replaceAll("\\.$", "") + ".");
    }
  }

  /**
   * Checks {@code mode} and the {@code batch:} block, and that a client asked for batch mode has a
   * batch endpoint.
   */
  static void batch(ModelClientProvider provider, ModelConfig config, MapNode entry) {
    String where = "models." + config.name();
    dev.rehearsal.model.batch.BatchSettings settings;
    try {
      settings = dev.rehearsal.model.batch.BatchSettings.fromSpec(where, config.settings());
    } catch (IllegalArgumentException | ArithmeticException e) {
      String message = String.valueOf(e.getMessage());
      throw at(entry, where + ".", message).error("Invalid model setting: " + message.replaceAll("\\.$", "") + ".");
    }
    if (settings.batch() && !provider.supportsBatch()) {
      throw at(entry, where + ".", where + ".mode").error("Model client '" + config.client() + "' has no batch endpoint,"
          + " so 'mode: batch' cannot be used for " + where + "; use a client that has one (openai, anthropic) or"
          + " remove 'mode: batch'.");
    }
  }

  /** The node of the key the message names ({@code models.<name>.<key>[.<sub>]}), else the entry. */
  static Node at(MapNode entry, String prefix, String message) {
    int start = message.indexOf(prefix);
    if (start < 0) {
      return entry;
    }
    Node node = entry;
    for (String key : message.substring(start + prefix.length()).split("[^a-z0-9_.-]", 2)[0].split("\\.")) {
      Optional<Node> child = node instanceof MapNode map ? map.get(key) : Optional.empty();
      if (child.isEmpty()) {
        break;
      }
      node = child.get();
    }
    return node;
  }


  /** Whether the entry says {@code mode: batch}. */
  static boolean batch(ModelConfig config) {
    return "batch".equals(String.valueOf(config.settings().get("mode")));
  }

  /**
   * Judges may grade through a batch endpoint (the run defers their calls and ends pending until the
   * batch is collected); guard and moderation graders call their model synchronously, so one in
   * batch mode would silently not be batched, and is an error. So is a batch judge under sequential
   * sampling, which grades in rounds within one run.
   */
  static void noBatchGraders(dev.rehearsal.spec.internal.Fields top, java.util.Map<String, ModelConfig> models) {
    boolean sequential = top.optional("prefixes").filter(MapNode.class::isInstance).map(MapNode.class::cast)
        .flatMap(p -> p.get("sample")).filter(MapNode.class::isInstance).map(MapNode.class::cast)
        .flatMap(s -> s.get("sequential")).isPresent();
    top.optional("graders").map(dev.rehearsal.spec.internal.Fields::asMap).map(MapNode::entries)
        .orElse(java.util.Map.of()).forEach((id, node) -> {
          if (node instanceof MapNode grader) {
            boolean judge = grader.get("type").map(t -> "judge".equals(String.valueOf(
                dev.rehearsal.spec.internal.Plain.of(t)))).orElse(false);
            grader.get("model").filter(n -> models.containsKey(String.valueOf(dev.rehearsal.spec.internal.Plain.of(n))))
                .filter(n -> batch(models.get(String.valueOf(dev.rehearsal.spec.internal.Plain.of(n))))).ifPresent(n -> {
                  if (!judge) {
                    throw n.error("Grader '" + id + "' uses a model in 'mode: batch', but only 'type: judge' graders can"
                        + " grade through a batch endpoint; this grader calls its model synchronously. Declare a second"
                        + " entry of the same model without 'mode: batch' for it.");
                  }
                  if (sequential) {
                    throw n.error("Judge '" + id + "' uses a model in 'mode: batch', but 'sample.sequential' grades the"
                        + " sample in rounds within one run; remove one of the two.");
                  }
                });
          }
        });
  }

  /** The auditor reads replies in one pass within the run, so its model cannot be in batch mode. */
  static void noBatchAuditor(dev.rehearsal.spec.internal.Fields top, java.util.Map<String, ModelConfig> models) {
    top.optional("audit").filter(MapNode.class::isInstance).map(MapNode.class::cast).flatMap(a -> a.get("model"))
        .filter(n -> models.containsKey(String.valueOf(dev.rehearsal.spec.internal.Plain.of(n))))
        .filter(n -> batch(models.get(String.valueOf(dev.rehearsal.spec.internal.Plain.of(n))))).ifPresent(n -> {
          throw n.error("The audit model uses 'mode: batch', but the auditor calls its model synchronously; declare a"
              + " second entry of the same model without 'mode: batch' for the audit.");
        });
  }

  /** Sequential sampling decides batch by batch within one run, which a pending batch cannot. */
  static void noBatchSequential(dev.rehearsal.spec.internal.Fields top, PrefixSpec prefixes,
      java.util.Map<String, ModelConfig> models, ArmSpec... arms) {
    if (prefixes.sample().sequential().isEmpty()) {
      return;
    }
    for (ArmSpec arm : arms) {
      if (arm.model().map(models::get).filter(ModelSettingsCheck::batch).isPresent()) {
        throw top.require("arms").error("Arm '" + arm.name() + "' uses a model in 'mode: batch', but"
            + " 'sample.sequential' answers the sample in rounds within one run; remove one of the two.");
      }
    }
  }
}
