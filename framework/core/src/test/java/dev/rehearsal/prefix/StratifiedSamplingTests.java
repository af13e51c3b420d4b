package dev.rehearsal.prefix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rehearsal.spec.SampleSpec.Allocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StratifiedSamplingTests {

  @TempDir Path dir;

  private static Map<String, Long> sizes(Object... pairs) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
    }
    return out;
  }

  @Test
  void allocates_proportionally_to_segment_sizes() {
    assertThat(StratumAllocator.allocate(Allocation.PROPORTIONAL, 100, sizes("a", 600, "b", 300, "c", 100), Map.of(), 0))
        .containsExactly(Map.entry("a", 60), Map.entry("b", 30), Map.entry("c", 10));
  }

  @Test
  void allocates_equally_and_gives_a_small_segment_s_surplus_to_the_others() {
    assertThat(StratumAllocator.allocate(Allocation.EQUAL, 90, sizes("a", 600, "b", 300, "c", 100), Map.of(), 0))
        .containsExactly(Map.entry("a", 30), Map.entry("b", 30), Map.entry("c", 30));
    assertThat(StratumAllocator.allocate(Allocation.EQUAL, 90, sizes("a", 600, "b", 300, "c", 10), Map.of(), 0))
        .containsExactly(Map.entry("a", 40), Map.entry("b", 40), Map.entry("c", 10));
  }

  @Test
  void allocates_by_neyman_in_proportion_to_size_times_standard_deviation() {
    // Cochran (1977) 5.5: n_h = n N_h S_h / sum N_h S_h; 800 x 0.1 = 200 x 0.4, so an even split.
    assertThat(StratumAllocator.allocate(Allocation.NEYMAN, 100, sizes("a", 800, "b", 200), Map.of("a", 0.1, "b", 0.4), 0))
        .containsExactly(Map.entry("a", 50), Map.entry("b", 50));
    double sdA = Math.sqrt(0.01 * 0.99);
    double sdB = Math.sqrt(0.2 * 0.8);
    Map<String, Integer> n = StratumAllocator.allocate(Allocation.NEYMAN, 1000, sizes("a", 9000, "b", 1000),
        Map.of("a", sdA, "b", sdB), 0);
    assertThat(n.get("b")).isEqualTo((int) Math.round(1000 * 1000 * sdB / (9000 * sdA + 1000 * sdB)));
    assertThat(n.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1000);
  }

  @Test
  void raises_a_small_segment_to_the_minimum_and_takes_it_from_the_others() {
    assertThat(StratumAllocator.allocate(Allocation.PROPORTIONAL, 100, sizes("a", 990, "b", 10), Map.of(), 5))
        .containsExactly(Map.entry("a", 95), Map.entry("b", 5));
  }

  @Test
  void takes_every_turn_when_the_log_is_smaller_than_the_sample() {
    assertThat(StratumAllocator.allocate(Allocation.EQUAL, 100, sizes("a", 30, "b", 20), Map.of(), 0))
        .containsExactly(Map.entry("a", 30), Map.entry("b", 20));
  }

  @Test
  void samples_each_segment_as_allocated_and_records_the_log_s_segment_mix_as_weights() throws IOException {
    // 300 conversations: tier free (60%), plus (30%), team (10%); 1 to 3 user turns each.
    int[] turns = new int[300];
    String[] tiers = new String[300];
    for (int i = 0; i < 300; i++) {
      turns[i] = 1 + i % 3;
      tiers[i] = i % 10 < 6 ? "free" : i % 10 < 9 ? "plus" : "team";
    }
    SyntheticLog.write(dir.resolve("log.jsonl"), turns, tiers);
    Map<String, Long> truth = new LinkedHashMap<>();
    for (int i = 0; i < 300; i++) {
      truth.merge("tier-" + tiers[i], (long) turns[i], Long::sum);
    }

    Sample s = PrefixFixtures.sample(dir, """
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: 60, seed: 5, stratify: { allocation: equal, min-per-segment: 5 } }
          segments:
            - { by: metadata.tier, values: [free, plus, team] }
        """);

    assertThat(s.population()).isEqualTo(truth);
    assertThat(s.allocation()).containsExactly(Map.entry("tier-free", 20), Map.entry("tier-plus", 20),
        Map.entry("tier-team", 20));
    Map<String, Long> sampled = s.prefixes().stream().collect(Collectors.groupingBy(Prefix::segment, Collectors.counting()));
    assertThat(sampled).containsOnly(Map.entry("tier-free", 20L), Map.entry("tier-plus", 20L), Map.entry("tier-team", 20L));
    long total = Arrays.stream(turns).sum();
    assertThat(s.weights().get("tier-team")).isCloseTo(truth.get("tier-team") / (double) total, within(1e-12));
    // Post-stratification turns the over-sampled team segment back into its production share.
    assertThat(s.postStratified(Map.of("tier-free", 0.0, "tier-plus", 0.0, "tier-team", 1.0)))
        .isCloseTo(truth.get("tier-team") / (double) total, within(1e-12));
  }
}
