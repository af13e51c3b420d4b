package dev.rehearsal.prefix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import dev.rehearsal.run.SamplePlanning;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.PrefixSpec;
import dev.rehearsal.spec.SampleSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 5: a tree-shaped log (one record per root-to-leaf path, fixture tree-paths.jsonl:
 * 6 paths, 14 user turns, 7 distinct user-turn prefixes) is detected and said up front with exact
 * counts; with dedup the sample is uniform over the 7 distinct user turns, without it the root
 * prompt (on all 6 paths) is drawn 6 times as often as a leaf turn.
 */
class TreeShapedLogTests {

  static final int SEEDS = 2100;
  static final int DISTINCT = 7;

  @TempDir Path dir;

  @BeforeEach
  void copy_fixture() throws IOException {
    PrefixFixtures.fixture(dir, "tree-paths.jsonl");
  }

  private static String section(int size, boolean dedup) {
    return """
          source: { format: openai-messages, path: tree-paths.jsonl }
          sample: { size: %d, seed: 1, dedup: %s }
        """.formatted(size, dedup);
  }

  /** How often each distinct prefix (by its text) is drawn over many seeds, sample size 1. */
  private Map<String, Integer> draws(boolean dedup) throws IOException {
    PrefixSpec base = PrefixFixtures.gate(dir, section(1, dedup)).prefixes();
    Map<String, Integer> counts = new HashMap<>();
    for (int seed = 0; seed < SEEDS; seed++) {
      SampleSpec s = new SampleSpec(1, seed, SampleSpec.Allocation.NONE, 0, Map.of(), dedup, 1,
          base.sample().mark());
      PrefixSpec spec = new PrefixSpec(base.source(), base.eligible(), s, base.segments(), base.deid(),
          base.badRecords());
      new PrefixSampler(spec).sample().prefixes().forEach(p -> counts.merge(
          p.turns().stream().map(t -> t.text()).collect(Collectors.joining("|")), 1, Integer::sum));
    }
    return counts;
  }

  private static double uniformPValue(Map<String, Integer> counts) {
    double expected = SEEDS / (double) DISTINCT;
    double stat = counts.values().stream().mapToDouble(o -> Math.pow(o - expected, 2) / expected).sum();
    return ChiSquaredDistribution.of(DISTINCT - 1).survivalProbability(stat);
  }

  @Test
  void reports_exact_distinct_duplicate_and_shared_history_counts() throws IOException {
    Sample s = PrefixFixtures.sample(dir, section(100, false));

    assertThat(s.report().conversations()).isEqualTo(6);
    assertThat(s.report().eligibleTurns()).isEqualTo(14);
    assertThat(s.report().distinctPrefixes()).isEqualTo(7);
    assertThat(s.report().duplicates()).isEqualTo(7);
    // the two second-level prompts on two paths each; the root's 5 repeats carry no history
    assertThat(s.report().sharedHistory()).isEqualTo(2);
    assertThat(s.report().treeShaped()).isTrue();
    assertThat(s.report().duplicatesExact()).isTrue();
  }

  @Test
  void dedup_samples_uniformly_over_distinct_user_turns() throws IOException {
    Map<String, Integer> counts = draws(true);

    assertThat(counts).hasSize(DISTINCT);
    assertThat(uniformPValue(counts)).as("uniform over the 7 distinct user turns").isGreaterThan(0.001);
  }

  @Test
  void without_dedup_the_root_prompt_is_drawn_once_per_path() throws IOException {
    Map<String, Integer> counts = draws(false);

    // the root is 6 of the 14 eligible user turns: drawn about 6/14 of the time, not 1/7
    int root = counts.get("How do I bake bread at home?");
    assertThat(root / (double) SEEDS).isBetween(6 / 14.0 - 0.04, 6 / 14.0 + 0.04);
    assertThat(uniformPValue(counts)).as("not uniform over distinct user turns").isLessThan(1e-9);
  }

  @Test
  void says_so_up_front_and_the_health_line_counts_user_turns_and_advises_dedup() throws IOException {
    // given the tree-shaped log, no dedup, and a sample larger than the log holds
    GateSpec spec = PrefixFixtures.gate(dir, section(20, false));
    Sample sample = new PrefixSampler(spec.prefixes()).sample();

    // when it is planned and run
    List<String> warnings = SamplePlanning.warnings(spec, sample, List.of());
    GateRun run = new GateRunner().run(spec);

    // then the warning (printed before any model call) names the shape and the exact counts
    assertThat(warnings).first().asString().startsWith("tree-shaped log: records share conversation"
        + " prefixes (2 of 14 eligible user turns repeat a prefix with logged history); exact counts:"
        + " 14 eligible user turns, 7 distinct, 7 duplicates.")
        .contains("set prefixes.sample.dedup: true to sample uniformly over the 7 distinct user turns");
    // and the health summary and advice speak of user turns and dedup
    assertThat(run.health().summary()).startsWith("sampled 14 of 20 requested from 14 eligible user"
        + " turns (6 conversations, 0 user turns rejected, 0 bad records")
        .contains("; prefixes: 7 distinct, 7 duplicates (2 repeating logged history: a tree-shaped"
            + " log), sampled per record (prefixes.sample.dedup is off)");
    assertThat(run.health().problems()).singleElement().asString()
        .contains("only 14 eligible user turns in the log")
        .contains("7 of them repeat an earlier prefix: set prefixes.sample.dedup: true");
  }

  @Test
  void with_dedup_the_health_line_gives_the_eligible_count_after_dedup() throws IOException {
    GateSpec spec = PrefixFixtures.gate(dir, section(20, true));

    GateRun run = new GateRunner().run(spec);

    assertThat(run.sample().prefixes()).hasSize(7);
    assertThat(run.health().summary()).startsWith("sampled 7 of 20 requested from 7 distinct eligible"
        + " user turns (14 eligible, 7 duplicates removed by dedup)")
        .contains("7 duplicates (2 repeating logged history: a tree-shaped log), removed by dedup");
    assertThat(run.health().problems()).singleElement().asString()
        .contains("only 7 distinct eligible user turns after dedup, of 14 eligible");
  }
}
