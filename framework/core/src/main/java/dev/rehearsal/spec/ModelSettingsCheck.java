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

}
