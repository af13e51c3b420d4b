package dev.rehearsal.spec;

import dev.rehearsal.conversation.Role;
import dev.rehearsal.spec.EligibilitySpec.MetadataCondition;
import dev.rehearsal.spec.EligibilitySpec.MetadataCondition.Op;
import dev.rehearsal.spec.EligibilitySpec.TimeWindow;
import dev.rehearsal.spec.internal.Fields;
import dev.rehearsal.spec.internal.ListNode;
import dev.rehearsal.spec.internal.MapNode;
import dev.rehearsal.spec.internal.Node;
import dev.rehearsal.spec.internal.ScalarNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads {@code prefixes.eligible}. */
final class EligibilityReader {

  static final Set<String> KEYS = Set.of("min-user-turns", "max-user-turns", "exclude", "require-logged-reply",
      "require-roles", "has-tools", "metadata", "max-prefix-chars", "time-window", "languages", "language-field");

  static final Set<String> CONDITION_KEYS = Set.of("equals", "in", "exists");
  static final Set<String> TIME_WINDOW_KEYS = Set.of("field", "from", "to");

  private EligibilityReader() {}

  static EligibilitySpec read(Node node, boolean promptSuite) {
    Fields el = Fields.of(node, KEYS);
    int min = el.optionalInteger("min-user-turns", 1).orElse(1);
    int max = el.optionalInteger("max-user-turns", min).orElse(Integer.MAX_VALUE);
    boolean multimodal = false;
    for (Node n : el.optional("exclude").map(x -> Fields.asList(x).items()).orElse(List.of())) {
      multimodal |= Fields.choice(n, Set.of("multimodal")).equals("multimodal");
    }
    // A prompt suite has no logged replies: requiring one would make every prompt ineligible.
    boolean logged = el.optionalBoolean("require-logged-reply").orElse(!promptSuite);
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Node n : el.optional("require-roles").map(x -> Fields.asList(x).items()).orElse(List.of())) {
      roles.add(Role.valueOf(Fields.choice(n, Set.of("system", "user", "assistant", "tool")).toUpperCase(Locale.ROOT)));
    }
    int maxChars = el.optionalInteger("max-prefix-chars", 1).orElse(Integer.MAX_VALUE);
    Set<String> languages = new LinkedHashSet<>();
    el.strings("languages").forEach(l -> languages.add(l.toLowerCase(Locale.ROOT)));
    return new EligibilitySpec(min, max, multimodal, logged, roles, el.optionalBoolean("has-tools"),
        metadata(el.optional("metadata")), maxChars, el.optional("time-window").map(EligibilityReader::window),
        languages, el.optionalString("language-field").orElse("language"));
  }

  private static List<MetadataCondition> metadata(Optional<Node> node) {
    List<MetadataCondition> out = new ArrayList<>();
    node.map(Fields::asMap).map(MapNode::entries).orElse(java.util.Map.of()).forEach((key, value) -> {
      if (value instanceof ScalarNode s) {
        out.add(new MetadataCondition(key, Op.EQUALS, List.of(Fields.asScalar(s).text())));
      } else if (value instanceof ListNode list) {
        out.add(new MetadataCondition(key, Op.IN, list.items().stream().map(i -> Fields.asScalar(i).text()).toList()));
      } else {
        out.add(condition(key, Fields.of(value, CONDITION_KEYS)));
      }
    });
    return out;
  }

  private static MetadataCondition condition(String key, Fields f) {
    if (f.node().entries().size() != 1) {
      throw f.node().error("Give exactly one of 'equals: v', 'in: [a, b]' or 'exists: true|false' for metadata key '"
          + key + "'.");
    }
    if (f.optional("equals").isPresent()) {
      return new MetadataCondition(key, Op.EQUALS, List.of(f.string("equals")));
    }
    if (f.optional("in").isPresent()) {
      return new MetadataCondition(key, Op.IN, f.strings("in"));
    }
    return new MetadataCondition(key, f.optionalBoolean("exists").orElseThrow() ? Op.EXISTS : Op.ABSENT, List.of());
  }

  private static TimeWindow window(Node node) {
    Fields f = Fields.of(node, TIME_WINDOW_KEYS);
    Optional<Instant> from = f.optional("from").map(EligibilityReader::instant);
    Optional<Instant> to = f.optional("to").map(EligibilityReader::instant);
    if (from.isEmpty() && to.isEmpty()) {
      throw f.node().error("A time window needs 'from', 'to' or both (ISO-8601, e.g. 2026-11-01T00:00:00Z).");
    }
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw f.require("to").error("'to' must be after 'from' (" + from.get() + ").");
    }
    return new TimeWindow(f.optionalString("field").orElse("timestamp"), from, to);
  }

  private static Instant instant(Node node) {
    ScalarNode s = Fields.asScalar(node);
    return TimeWindow.parse(s.text()).orElseThrow(() -> s.error("Expected an ISO-8601 time like 2026-11-01T00:00:00Z"
        + " or a date like 2026-11-01 but found " + s.shown() + "."));
  }
}
