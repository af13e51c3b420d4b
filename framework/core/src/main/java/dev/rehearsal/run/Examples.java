package dev.rehearsal.run;

import dev.rehearsal.conversation.Role;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.grade.Evidence;
import dev.rehearsal.grade.Verdict;
import dev.rehearsal.prefix.Prefix;
import dev.rehearsal.spec.CategorySpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Draws each category's flagged examples per segment and per arm, uniformly at random with the
 * gate's seed: the items are ranked by a hash of (seed, category, arm, sample id) and the lowest
 * {@code limit} kept, so the draw is reproducible and independent of log order.
 */
final class Examples {

  private Examples() {}

  static List<ExampleSet> draw(long seed, CategorySpec c, List<String> segments, List<Prefix> prefixes, int limit,
      List<ArmResult> arms, Map<String, Map<String, Verdict>> verdictsByArm) {
    List<ExampleSet> out = new ArrayList<>();
    for (String segment : segments) {
      for (ArmResult arm : arms) {
        Map<String, Verdict> verdicts = verdictsByArm.getOrDefault(arm.name(), Map.of());
        List<Prefix> in = prefixes.stream().filter(p -> p.segment().equals(segment)).toList();
        List<Prefix> flagged = in.stream().filter(p -> flagged(verdicts, p, c.label())).toList();
        int answered = (int) in.stream().filter(p -> verdicts.containsKey(p.sampleId())).count();
        List<Prefix> drawn = flagged.stream()
            .sorted(Comparator.comparing(p -> Items.sha256(seed + "\n" + c.id() + "\n" + arm.name() + "\n" + p.sampleId())))
            .limit(limit).toList();
        List<FlaggedExample> shown = in.stream().filter(drawn::contains)
            .map(p -> example(c, p, arm, verdicts.get(p.sampleId()))).toList();
        out.add(new ExampleSet(arm.name(), segment, flagged.size(), answered, shown));
      }
    }
    return out;
  }

  private static boolean flagged(Map<String, Verdict> verdicts, Prefix p, String label) {
    Verdict v = verdicts.get(p.sampleId());
    return v != null && v.has(label);
  }

  private static FlaggedExample example(CategorySpec c, Prefix p, ArmResult arm, Verdict v) {
    String evidence = v.evidence().stream().filter(e -> e.label().equals(c.label())).map(Evidence::span).findFirst().orElse("");
    String user = p.turns().stream().filter(t -> t.role() == Role.USER).reduce((a, b) -> b).map(Turn::text).orElse("");
    String response = arm.responses().get(p.sampleId()).text().orElse("");
    return new FlaggedExample(p.sampleId(), p.segment(), GateRunner.clip(user), GateRunner.clip(response), evidence,
        arm.name());
  }
}
