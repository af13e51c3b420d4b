package dev.rehearsal.prefix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.spec.PrefixSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sampler selects eligible user turns uniformly, not conversations, and reproducibly. */
class UniformUserTurnSamplingTests {

  static final int CONVERSATIONS = 100;
  @TempDir Path dir;
  Path log;

  /** Conversation i has (i % 4) + 1 user turns, so there are 250 eligible user turns in all. */
  @BeforeEach
  void writeLog() throws IOException {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < CONVERSATIONS; i++) {
      StringBuilder messages = new StringBuilder();
      for (int u = 0; u <= i % 4; u++) {
        messages.append(u == 0 ? "" : ",").append("{\"role\":\"user\",\"content\":\"q").append(u)
            .append("\"},{\"role\":\"assistant\",\"content\":\"a").append(u).append("\"}");
      }
      out.append("{\"id\":\"c").append(i).append("\",\"messages\":[").append(messages).append("]}\n");
    }
    log = Files.writeString(dir.resolve("log.jsonl"), out);
  }

  private PrefixSpec spec(int size, long seed) throws IOException {
    return PrefixFixtures.gate(dir, """
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: %d, seed: %d }
          segments:
            - { id: single-turn, when: "user-turns == 1" }
            - { id: multi-turn, when: "user-turns > 1" }
        """.formatted(size, seed)).prefixes();
  }

  @Test
  void same_seed_gives_identical_sampled_turn_ids() throws IOException {
    List<String> first = new PrefixSampler(spec(40, 42)).sample().prefixes().stream().map(Prefix::sampleId).toList();
    List<String> again = new PrefixSampler(spec(40, 42)).sample().prefixes().stream().map(Prefix::sampleId).toList();
    List<String> other = new PrefixSampler(spec(40, 43)).sample().prefixes().stream().map(Prefix::sampleId).toList();

    assertThat(again).hasSize(40).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void selection_is_uniform_over_eligible_user_turns_not_conversations() throws IOException {
    Map<String, Integer> hits = new HashMap<>();
    int draws = 2000;
    int size = 10;
    for (long seed = 0; seed < draws; seed++) {
      new PrefixSampler(spec(size, seed)).sample().prefixes().forEach(p -> hits.merge(p.sampleId(), 1, Integer::sum));
    }
    int turns = 250;
    double expected = (double) draws * size / turns;
    double chi2 = 0;
    for (int i = 0; i < CONVERSATIONS; i++) {
      for (int u = 0; u <= i % 4; u++) {
        double observed = hits.getOrDefault("c" + i + "#u" + u, 0);
        chi2 += (observed - expected) * (observed - expected) / expected;
      }
    }
    double p = ChiSquaredDistribution.of(turns - 1).survivalProbability(chi2);
    // Uniform over conversations would give 4-turn conversations 1/4 of the prefixes; over turns, 4/10.
    long fromFourTurn = hits.entrySet().stream().filter(e -> Integer.parseInt(e.getKey().substring(1, e.getKey().indexOf('#'))) % 4 == 3)
        .mapToLong(Map.Entry::getValue).sum();

    assertThat(p).as("chi-square p-value, statistic %.1f on %d df", chi2, turns - 1).isGreaterThan(0.001);
    assertThat(fromFourTurn / (double) (draws * size)).isCloseTo(0.4, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void prefix_ends_with_the_sampled_user_turn_and_replays_the_logged_reply() throws IOException {
    Sample sample = new PrefixSampler(spec(250, 1)).sample();
    Prefix p = sample.prefixes().stream().filter(x -> x.sampleId().equals("c3#u2")).findFirst().orElseThrow();

    assertThat(p.turns()).hasSize(5);
    assertThat(p.turns().get(4).text()).isEqualTo("q2");
    assertThat(p.loggedReply("logged")).hasValueSatisfying(t -> assertThat(t.text()).isEqualTo("a2"));
    assertThat(p.segment()).isEqualTo("multi-turn");
  }

  @Test
  void records_the_segment_mix_of_the_whole_log() throws IOException {
    Sample sample = new PrefixSampler(spec(5, 1)).sample();

    assertThat(sample.population()).containsEntry("single-turn", 100L).containsEntry("multi-turn", 150L);
    assertThat(sample.report().eligibleTurns()).isEqualTo(250);
    assertThat(sample.report().conversations()).isEqualTo(100);
  }
}
