package dev.rehearsal.prefix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.spec.PrefixSpec;
import dev.rehearsal.spec.SampleSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sampler is uniform over eligible user turns, not conversations: over many seeds, Pearson's
 * chi-square of how often each turn is chosen fits the uniform distribution, and the conversation-
 * uniform alternative is rejected.
 */
class SamplerUniformityTests {

  static final int[] USER_TURNS = {1, 4, 2, 1, 3, 1, 4, 1, 2, 1, 1, 3};
  static final int ELIGIBLE = 24;
  static final int SEEDS = 4000;

  @TempDir Path dir;

  @BeforeEach
  void write_log() throws IOException {
    String[] tiers = new String[USER_TURNS.length];
    java.util.Arrays.fill(tiers, "free");
    SyntheticLog.write(dir.resolve("log.jsonl"), USER_TURNS, tiers);
  }

  private Map<String, Integer> counts(int size) throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    PrefixSpec base = PrefixFixtures.gate(dir, section(size, 0, false)).prefixes();
    for (int seed = 0; seed < SEEDS; seed++) {
      PrefixSpec spec = new PrefixSpec(base.source(), base.eligible(), new SampleSpec(size, seed, base.sample().mark()),
          base.segments(), base.deid(), base.badRecords());
      new PrefixSampler(spec).sample().prefixes().forEach(p -> counts.merge(p.sampleId(), 1, Integer::sum));
    }
    return counts;
  }

  private static String section(int size, long seed, boolean dedup) {
    return """
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: %d, seed: %d, dedup: %s }
        """.formatted(size, seed, dedup);
  }

  @Test
  void picks_each_eligible_user_turn_equally_often_and_not_each_conversation() throws IOException {
    Map<String, Integer> counts = counts(1);

    double perTurn = 0;
    for (int c = 0; c < USER_TURNS.length; c++) {
      for (int u = 0; u < USER_TURNS[c]; u++) {
        double expected = SEEDS / (double) ELIGIBLE;
        perTurn += Math.pow(counts.getOrDefault("c" + c + "#u" + u, 0) - expected, 2) / expected;
      }
    }
    double perConversation = 0;
    for (int c = 0; c < USER_TURNS.length; c++) {
      int observed = 0;
      for (int u = 0; u < USER_TURNS[c]; u++) {
        observed += counts.getOrDefault("c" + c + "#u" + u, 0);
      }
      double expected = SEEDS / (double) USER_TURNS.length;
      perConversation += Math.pow(observed - expected, 2) / expected;
    }
    assertThat(pValue(perTurn, ELIGIBLE - 1)).as("uniform over user turns").isGreaterThan(0.001);
    assertThat(pValue(perConversation, USER_TURNS.length - 1)).as("uniform over conversations").isLessThan(1e-9);
  }

  @Test
  void includes_each_eligible_user_turn_with_probability_k_over_n() throws IOException {
    int k = 6;
    Map<String, Integer> counts = counts(k);

    assertThat(counts).hasSize(ELIGIBLE);
    double p = k / (double) ELIGIBLE;
    double expected = SEEDS * p;
    // Inclusion counts of a without-replacement sample: Pearson's statistic scaled by 1/(1 - k/N)
    // (the finite-population correction) is approximately chi-square with N - 1 df.
    double stat = counts.values().stream().mapToDouble(o -> Math.pow(o - expected, 2) / (expected * (1 - p))).sum();
    assertThat(pValue(stat, ELIGIBLE - 1)).isGreaterThan(0.001);
  }

  @Test
  void gives_the_same_sample_for_the_same_seed_and_another_for_another_seed() throws IOException {
    List<String> a = SourcesTests.ids(PrefixFixtures.sample(dir, section(5, 42, false)));
    List<String> b = SourcesTests.ids(PrefixFixtures.sample(dir, section(5, 42, false)));
    List<String> c = SourcesTests.ids(PrefixFixtures.sample(dir, section(5, 43, false)));

    assertThat(a).hasSize(5).isEqualTo(b).isNotEqualTo(c);
  }

  @Test
  void counts_identical_prefixes_once_and_reports_the_duplicates() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      lines.add(SyntheticLog.line("d" + i, "free", 2, "same topic"));
    }
    lines.add(SyntheticLog.line("x", "free", 1, "another topic"));
    Files.write(dir.resolve("log.jsonl"), lines);

    Sample s = PrefixFixtures.sample(dir, section(100, 1, true));

    assertThat(s.prefixes()).hasSize(3);
    assertThat(s.report().duplicates()).isEqualTo(18);
    assertThat(s.report().duplicatesExact()).isTrue();
    assertThat(s.report().distinctPrefixes()).isEqualTo(3);
    // 9 of the duplicates are second user turns: their prefix repeats logged history
    assertThat(s.report().sharedHistory()).isEqualTo(9);
  }

  @Test
  void samples_the_same_distinct_prefixes_whatever_the_order_records_are_read_in() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      lines.add(SyntheticLog.line("r" + i, "free", 1 + i % 3, "topic " + i));
    }
    Files.write(dir.resolve("log.jsonl"), lines);
    List<String> forward = texts(PrefixFixtures.sample(dir, section(10, 9, true)));
    Collections.reverse(lines);
    Files.write(dir.resolve("log.jsonl"), lines);
    List<String> backward = texts(PrefixFixtures.sample(dir, section(10, 9, true)));

    assertThat(backward).hasSize(10).containsExactlyInAnyOrderElementsOf(forward);
  }

  private static List<String> texts(Sample s) {
    return s.prefixes().stream().map(p -> p.turns().get(p.turns().size() - 1).text()).toList();
  }

  static double pValue(double statistic, int df) {
    return ChiSquaredDistribution.of(df).survivalProbability(statistic);
  }
}
