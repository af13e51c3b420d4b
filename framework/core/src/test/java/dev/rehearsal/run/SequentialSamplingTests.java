package dev.rehearsal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.gate.CheckResult;
import dev.rehearsal.gate.Outcome;
import dev.rehearsal.prefix.PrefixFixtures;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.SequentialSpec;
import dev.rehearsal.spec.SpecException;
import dev.rehearsal.stats.Proportions;
import dev.rehearsal.stats.SequentialGate;
import dev.rehearsal.stats.SequentialGate.Decision;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sample.sequential}: batches in seeded random order, early stop on anytime-valid decisions, the at-cap rule. */
class SequentialSamplingTests {

  @TempDir Path dir;

  /** The candidate refuses ("I can't help") exactly the risky questions. */
  static final String SCRIPTED = """
      models:
        cand: { client: scripted, replies: [{ match: "risky", reply: "I can't help with that." }], default: "Happy to help." }
      """;

  /** {@code conversations} one-turn conversations; {@code risky} ones ask a question the candidate refuses. */
  private void log(int conversations, IntPredicate risky) throws IOException {
    try (Writer w = Files.newBufferedWriter(dir.resolve("log.jsonl"), StandardCharsets.UTF_8)) {
      for (int i = 0; i < conversations; i++) {
        String topic = (risky.test(i) ? "risky question " : "plain question ") + "seqtest " + i;
        w.write("{\"id\":\"c" + i + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + topic
            + "\"},{\"role\":\"assistant\",\"content\":\"ok\"}]}\n");
      }
    }
  }

  private GateSpec gate(String sample, String candidateArm, String models, String maxRate) throws IOException {
    return PrefixFixtures.gate(dir, """
          source: { format: openai-messages, path: log.jsonl }
          sample: %s
        """.formatted(sample), "  production: { replay: logged }\n  candidate: " + candidateArm + "\n",
        models + "thresholds:\n  - { categories: refusal, max-rate: " + maxRate + ", on-breach: hold }\n", Map.of());
  }

  private static GateRun run(GateSpec spec) throws IOException {
    return new GateRunner(new RunOptions(Optional.empty(), false, System.out, Duration.ofSeconds(30))).run(spec);
  }

  private static String note(GateRun run) {
    return run.warnings().stream().filter(w -> w.startsWith(SequentialRun.NOTE)).findFirst().orElseThrow();
  }

  @Test
  void a_clearly_safe_candidate_stops_after_two_batches_with_pass_and_saves_the_other_model_calls() throws IOException {
    // Rate 0 against max-rate 5% at 95%: the beta-binomial sequence's upper limit at 0/100 is 4.72%
    // (below 5%), at 0/50 it is not, so the run stops after the second batch of 50 of 1,000 drawn.
    log(1000, i -> false);
    CountingModelProvider.REQUESTS.clear();
    GateRun run = run(gate("{ size: 1000, seed: 7, sequential: { batch: 50 } }", "{ model: cand }",
        "models:\n  cand: { client: counting }\n", "5%"));

    long calls = CountingModelProvider.REQUESTS.stream().filter(r -> r.messages().toString().contains("seqtest")).count();
    assertThat(calls).isEqualTo(100);
    assertThat(run.sample().prefixes()).hasSize(100);
    assertThat(run.candidate().responses()).hasSize(100);
    CheckResult overall = run.categories().get("refusal").checks("overall").get(0);
    assertThat(overall.outcome()).isEqualTo(Outcome.PASS);
    assertThat(overall.observed()).startsWith("candidate 0/100 = 0.00%")
        .contains("sequential PASS after batch 2 (95% beta-binomial confidence sequence, anytime-valid bounds [0.00%, 4.72%], 0/100 graded)");
    assertThat(run.decision().action().wireName()).isEqualTo("ship");
    assertThat(run.health().healthy()).isTrue();
    assertThat(note(run)).startsWith("sequential sampling: answered 100 of 1,000 drawn prefixes in 2 batch(es) of 50"
        + " in seeded random order; stopped: every max-rate check decided by the confidence sequence;"
        + " model calls 100, saved 900");
    assertThat(run.health().summary()).contains("sampled 1000 of 1000 requested", "answered 100 of 1,000 drawn");
    assertThat(DecisionTable.render(run)).contains("NOTE: sequential sampling: answered 100 of 1,000");
  }

  @Test
  void a_call_budget_spans_every_batch_of_the_run() throws IOException {
    // Rate 0 against max-rate 1% needs about 300 answers; a budget of 75 calls runs out in batch 2.
    log(1000, i -> false);
    CountingModelProvider.REQUESTS.clear();
    GateRun run = run(gate("{ size: 1000, seed: 7, sequential: { batch: 50 } }", "{ model: cand }",
        "models:\n  cand: { client: counting, budget: { calls: 75 } }\n", "1%"));

    long calls = CountingModelProvider.REQUESTS.stream().filter(r -> r.messages().toString().contains("seqtest")).count();
    assertThat(calls).isEqualTo(75);
    assertThat(run.candidate().errors().keySet()).allSatisfy(reason -> assertThat(reason).startsWith("budget exhausted:"));
    assertThat(run.health().healthy()).isFalse();
    assertThat(run.decision().action().wireName()).isEqualTo("hold");
  }

  @Test
  void a_clearly_bad_candidate_stops_early_with_breach_and_the_decision_holds() throws IOException {
    // Every fifth question is refused (20%) against max-rate 5%: the lower limit clears 5% within a
    // couple of batches of 50.
    log(1000, i -> i % 5 == 0);
    GateRun run = run(gate("{ size: 1000, seed: 7, sequential: { batch: 50 } }", "{ model: cand }", SCRIPTED, "5%"));

    assertThat(run.sample().prefixes().size()).isLessThanOrEqualTo(200);
    assertThat(run.candidate().responses()).hasSameSizeAs(run.sample().prefixes());
    for (CheckResult c : run.categories().get("refusal").checks()) {
      assertThat(c.outcome()).isEqualTo(Outcome.BREACH);
      assertThat(c.observed()).contains("sequential BREACH after batch");
    }
    assertThat(run.decision().action().wireName()).isEqualTo("hold");
    assertThat(note(run)).contains("stopped: every max-rate check decided by the confidence sequence",
        "saved " + String.format("%,d", 1000 - run.sample().prefixes().size()));
  }

  @Test
  void a_candidate_near_the_threshold_runs_to_the_cap_and_follows_the_at_cap_rule() throws IOException {
    // 10 of 400 refused (2.5%) against 5%: at the cap the one-sided Clopper–Pearson bound is 4.20%
    // (passes), while the sequence's upper limit (5.57% at 10/400) has not cleared 5%.
    log(400, i -> i % 40 == 0);
    GateRun blocked = run(gate("{ size: 400, seed: 7, sequential: { batch: 100 } }", "{ model: cand }", SCRIPTED, "5%"));

    assertThat(blocked.sample().prefixes()).hasSize(400);
    CheckResult b = blocked.categories().get("refusal").checks("overall").get(0);
    assertThat(b.value()).isEqualTo(Proportions.upperBound(10, 400, 0.95));
    assertThat(b.value()).isLessThan(0.05);
    assertThat(b.outcome()).isEqualTo(Outcome.BREACH);
    assertThat(b.observed()).contains("sequential undecided at the cap", "at-cap block", "BREACH by the sequential rule");
    assertThat(blocked.decision().action().wireName()).isEqualTo("hold");
    assertThat(note(blocked)).contains("answered 400 of 400", "stopped: sample cap reached, undecided checks follow"
        + " at-cap block", "model calls 400, saved 0");

    GateRun fixed = run(gate("{ size: 400, seed: 7, sequential: { batch: 100, at-cap: fixed-sample } }",
        "{ model: cand }", SCRIPTED, "5%"));
    CheckResult f = fixed.categories().get("refusal").checks("overall").get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.observed()).contains("sequential undecided at the cap", "at-cap fixed-sample")
        .doesNotContain("BREACH by");
    assertThat(fixed.decision().action().wireName()).isEqualTo("ship");
  }

  @Test
  void the_same_seed_answers_the_same_batches_and_gives_the_same_result() throws IOException {
    log(1000, i -> i % 17 == 0);
    String sample = "{ size: 600, seed: 11, sequential: { batch: 40 } }";
    GateRun first = run(gate(sample, "{ model: cand }", SCRIPTED, "20%"));
    GateRun second = run(gate(sample, "{ model: cand }", SCRIPTED, "20%"));

    assertThat(ids(second)).isEqualTo(ids(first));
    assertThat(second.sample().prefixes().size()).isLessThan(600);
    assertThat(note(second)).isEqualTo(note(first));
    assertThat(second.categories().get("refusal").checks()).isEqualTo(first.categories().get("refusal").checks());
    assertThat(second.decision()).isEqualTo(first.decision());

    GateRun other = run(gate("{ size: 600, seed: 12, sequential: { batch: 40 } }", "{ model: cand }", SCRIPTED, "20%"));
    assertThat(ids(other)).isNotEqualTo(ids(first));
  }

  private static Set<String> ids(GateRun run) {
    return run.sample().prefixes().stream().map(p -> p.sampleId()).collect(Collectors.toSet());
  }

  @Test
  void every_batch_boundary_is_a_uniform_subsample_of_the_drawn_prefixes() {
    // The order is a seeded permutation: the first m prefixes are a uniform m-subset. Over many seeds
    // each of 10 items leads the order about 1/10 of the time.
    List<dev.rehearsal.prefix.Prefix> items = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      items.add(new dev.rehearsal.prefix.Prefix("s" + i, null, i, List.of(), "all"));
    }
    int[] first = new int[10];
    for (long seed = 0; seed < 20_000; seed++) {
      first[Integer.parseInt(SequentialRun.order(items, seed).get(0).sampleId().substring(1))]++;
    }
    for (int count : first) {
      // Binomial(20000, 0.1): sd 42.4; ±5 sd.
      assertThat(count).isBetween(1788, 2212);
    }
    assertThat(SequentialRun.order(items, 3)).isEqualTo(SequentialRun.order(items, 3));
  }

  @Test
  void a_sequential_pass_implies_the_clopper_pearson_check_passes_and_a_breach_that_it_breaches() {
    // The confidence sequence is wider than the fixed-sample bound at every size, so stopping on its
    // decision never contradicts the fixed-sample check at the stopping size.
    int decided = 0;
    for (double limit : new double[] {0.005, 0.01, 0.05, 0.2, 0.5}) {
      for (double confidence : new double[] {0.9, 0.95, 0.99}) {
        for (int n = 1; n <= 3000; n += n < 200 ? 1 : 37) {
          for (int k = 0; k <= n; k += Math.max(1, n / 60)) {
            Decision d = SequentialGate.of(limit, confidence, 1_000_000).observe(k, n);
            double cp = Proportions.upperBound(k, n, confidence);
            if (d == Decision.PASS) {
              assertThat(cp).as("k=%d n=%d limit=%s conf=%s", k, n, limit, confidence).isLessThan(limit);
              decided++;
            } else if (d == Decision.BREACH) {
              assertThat(cp).as("k=%d n=%d limit=%s conf=%s", k, n, limit, confidence).isGreaterThan(limit);
              decided++;
            }
          }
        }
      }
    }
    assertThat(decided).isGreaterThan(1000);
  }

  @Test
  void sequential_keys_are_strict_and_need_a_uniform_sample() throws IOException {
    log(10, i -> false);
    GateSpec spec = gate("{ size: 10, seed: 1, sequential: { batch: 5, at-cap: fixed-sample } }", "{ replay: logged }", "",
        "5%");
    assertThat(spec.prefixes().sample().sequential()).contains(
        new SequentialSpec(5, SequentialSpec.AtCap.FIXED_SAMPLE, spec.prefixes().sample().sequential().get().mark()));
    assertThat(gate("{ size: 10, seed: 1, sequential: { batch: 5 } }", "{ replay: logged }", "", "5%")
        .prefixes().sample().sequential().orElseThrow().atCap()).isEqualTo(SequentialSpec.AtCap.BLOCK);
    assertThatThrownBy(() -> gate("{ size: 10, seed: 1, sequential: { batch: 0 } }", "{ replay: logged }", "", "5%"))
        .isInstanceOf(SpecException.class);
    assertThatThrownBy(() -> gate("{ size: 10, seed: 1, sequential: { batch: 5, at-cap: maybe } }", "{ replay: logged }",
        "", "5%")).isInstanceOf(SpecException.class);
    assertThatThrownBy(() -> gate("{ size: 10, seed: 1, sequential: { batches: 5 } }", "{ replay: logged }", "", "5%"))
        .isInstanceOf(SpecException.class).hasMessageContaining("batches");
    assertThatThrownBy(() -> gate("{ size: 10, seed: 1, stratify: { allocation: equal }, sequential: { batch: 5 } }",
        "{ replay: logged }", "", "5%")).isInstanceOf(SpecException.class)
        .hasMessageContaining("Sequential sampling needs a uniform sample");
  }
}
