package dev.rehearsal.forecast;

import dev.rehearsal.spec.ArmSpec;
import dev.rehearsal.spec.EligibilitySpec;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.PrefixSpec;
import dev.rehearsal.spec.SampleSpec;
import dev.rehearsal.spec.SourceSpec;
import java.util.List;
import java.util.Optional;

/**
 * Variants of a gate spec that keep its frozen measurement (graders, categories) and change only
 * where prefixes come from or who answers them; thresholds are dropped, nothing is decided.
 */
final class SpecCopies {

  private SpecCopies() {}

  /** The gate with the candidate arm answered by another model of its {@code models:}. */
  static GateSpec candidate(GateSpec g, String model) {
    if (!g.models().containsKey(model)) {
      throw new IllegalArgumentException("Gate '" + g.id() + "' declares no model '" + model + "' under 'models:';"
          + " declared: " + g.models().keySet());
    }
    ArmSpec arm = new ArmSpec("candidate", Optional.empty(), Optional.of(model), g.candidate().mark());
    return copy(g, g.prefixes(), g.production(), arm);
  }

  /** The gate measuring a log's own logged replies: both arms replay {@code variant}. */
  static GateSpec replay(GateSpec g, SourceSpec logs, SampleSpec sample, String variant) {
    EligibilitySpec e = g.prefixes().eligible();
    PrefixSpec prefixes = new PrefixSpec(logs, new EligibilitySpec(e.minUserTurns(), e.maxUserTurns(),
        e.excludeMultimodal(), true), sample, g.prefixes().segments());
    ArmSpec production = new ArmSpec("production", Optional.of(variant), Optional.empty(), logs.mark());
    ArmSpec candidate = new ArmSpec("candidate", Optional.of(variant), Optional.empty(), logs.mark());
    return copy(g, prefixes, production, candidate);
  }

  /** The gate with prompts from another log, answered by {@code model} in both arms. */
  static GateSpec prompts(GateSpec g, SourceSpec prompts, SampleSpec sample, String model) {
    EligibilitySpec e = g.prefixes().eligible();
    PrefixSpec prefixes = new PrefixSpec(prompts, new EligibilitySpec(1, e.maxUserTurns(), e.excludeMultimodal(),
        false), sample, List.of());
    ArmSpec arm = new ArmSpec("candidate", Optional.empty(), Optional.of(model), prompts.mark());
    ArmSpec production = new ArmSpec("production", Optional.of("logged"), Optional.empty(), prompts.mark());
    return copy(g, prefixes, production, arm);
  }

  private static GateSpec copy(GateSpec g, PrefixSpec prefixes, ArmSpec production, ArmSpec candidate) {
    return new GateSpec(g.id(), g.promise(), g.owner(), g.tags(), prefixes, production, candidate, g.models(),
        g.graders(), g.categories(), List.of(), g.health(), g.file(), g.mark(), g.sha256());
  }
}
