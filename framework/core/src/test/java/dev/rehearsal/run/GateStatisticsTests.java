package dev.rehearsal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.gate.CheckResult;
import dev.rehearsal.gate.Outcome;
import dev.rehearsal.gate.PostStratifiedRate;
import dev.rehearsal.prefix.PrefixFixtures;
import dev.rehearsal.spec.GateSpec;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gate runs on the statistics the sample design calls for: post-stratified overall rates, planning warnings. */
class GateStatisticsTests {

  @TempDir Path dir;

  static final String CANDIDATE = """
      models:
        cand: { client: scripted, replies: [{ match: "risky", reply: "I can't help with that." }], default: "Happy to help." }
      """;

  /**
   * One-user-turn conversations: {@code free} of tier free (none risky) and {@code team} of tier team,
   * every {@code riskyEvery}-th of which asks a "risky" question the candidate refuses.
   */
  private void log(int free, int team, int riskyEvery) throws IOException {
    log(free + team, 1, i -> i >= free, i -> i >= free && (i - free) % riskyEvery == 0);
  }

  /** {@code conversations} conversations of {@code turns} answered user turns; risky ones are risky in every turn. */
  private void log(int conversations, int turns, IntPredicate team, IntPredicate risky) throws IOException {
    try (Writer w = Files.newBufferedWriter(dir.resolve("log.jsonl"), StandardCharsets.UTF_8)) {
      for (int i = 0; i < conversations; i++) {
        StringBuilder m = new StringBuilder();
        for (int u = 0; u < turns; u++) {
          String topic = (risky.test(i) ? "risky question " : "plain question ") + i + "." + u;
          m.append(u == 0 ? "" : ",").append("{\"role\":\"user\",\"content\":\"").append(topic)
              .append("\"},{\"role\":\"assistant\",\"content\":\"ok\"}");
        }
        w.write("{\"id\":\"c" + i + "\",\"metadata\":{\"tier\":\"" + (team.test(i) ? "team" : "free")
            + "\"},\"messages\":[" + m + "]}\n");
      }
    }
  }

  private GateSpec gate(String sample, String thresholds) throws IOException {
    return PrefixFixtures.gate(dir, """
          source: { format: openai-messages, path: log.jsonl }
          sample: %s
          segments:
            - { by: metadata.tier, values: [free, team] }
        """.formatted(sample), "  production: { replay: logged }\n  candidate: { model: cand }\n",
        CANDIDATE + "thresholds:\n" + thresholds, Map.of());
  }

  @Test
  void stratified_sample_checks_max_rate_on_the_post_stratified_overall_rate_not_pooled_counts() throws IOException {
    // Production mix: 900 free turns (W = 0.9), 100 team turns (W = 0.1). Equal allocation of 200
    // samples: 100 of the 900 free turns (0 refusals, whichever are drawn) and all 100 team turns, 20
    // of them refused (every fifth is "risky").
    //   pooled          = (0 + 20) / (100 + 100)          = 10%    (the sample's 50/50 mix)
    //   post-stratified = 0.9 × 0/100 + 0.1 × 20/100       = 2%     (production's 90/10 mix)
    // Fay–Feuer one-sided 95% upper bound (two-sided 90%, tail 0.05): per-turn weights w_h = W_h / n_h
    // = 0.009 (free), 0.001 (team); v = Σ w_h² k_h = 0.001² × 20 = 2e-5; with the largest weight
    // added, v' = 2e-5 + 0.009² = 1.01e-4 and y' = 0.02 + 0.009 = 0.029; upper = v'/(2y') ·
    // χ²_{0.95}(2y'²/v' = 16.653) = 0.0017414 × 27.14 = 4.726%. Below 5%: pass. The pooled
    // Clopper–Pearson bound, Beta_{0.95}(21, 180) = 14.20%, would have breached.
    log(900, 100, 5);
    GateRun run = new GateRunner().run(gate("{ size: 200, seed: 3, stratify: { allocation: equal } }",
        "  - { categories: refusal, segments: [overall], max-rate: 5%, on-breach: hold }\n"));

    CategoryResult r = run.categories().get("refusal");
    assertThat(r.candidate().get("overall").k()).isEqualTo(20);
    assertThat(r.candidate().get("overall").n()).isEqualTo(200);
    PostStratifiedRate ps = r.overall().postStratified().orElseThrow();
    assertThat(ps.rate()).isCloseTo(0.02, within(1e-12));
    CheckResult check = r.checks("overall").get(0);
    assertThat(check.outcome()).isEqualTo(Outcome.PASS);
    assertThat(check.value()).isCloseTo(0.047262, within(1e-5));
    assertThat(check.method()).isEqualTo("post-stratified, Fay-Feuer upper bound, one-sided, 0.95");
    assertThat(check.observed()).contains("candidate 2.00% [", "post-stratified, Fay-Feuer 95%",
        "tier-free 90.0% × 0/100", "tier-team 10.0% × 20/100", "pooled 20/200 = 10.00%", "(sample mix, not used)",
        "upper bound 4.73%");
    assertThat(check.expected()).contains("post-stratified upper bound (Fay-Feuer 1997, production segment weights)");
    assertThat(run.decision().action().wireName()).isEqualTo("ship");
    assertThat(DecisionTable.render(run)).contains("refusal / overall (candidate): 2.00% [");

    JsonNode overall = decisionJson(run).at("/categories/0/segments/2");
    assertThat(overall.get("segment").asText()).isEqualTo("overall");
    assertThat(overall.at("/candidatePostStratified/rate").asDouble()).isCloseTo(0.02, within(1e-12));
    assertThat(overall.at("/candidatePostStratified/upper95OneSided").asDouble()).isCloseTo(0.047262, within(1e-5));
    assertThat(overall.at("/candidatePostStratified/strata/1/weight").asDouble()).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void uniform_sample_keeps_pooled_counts_for_the_overall_rate() throws IOException {
    log(900, 100, 5);
    GateRun run = new GateRunner().run(gate("{ size: 1000, seed: 3 }",
        "  - { categories: refusal, segments: [overall], max-rate: 5%, on-breach: hold }\n"));

    CategoryResult r = run.categories().get("refusal");
    assertThat(r.overall().postStratified()).isEmpty();
    CheckResult check = r.checks("overall").get(0);
    // Every turn sampled: pooled 20/1000 = 2% is the production rate; Clopper–Pearson bound.
    assertThat(check.method()).startsWith("Clopper-Pearson upper bound");
    assertThat(check.observed()).startsWith("candidate 20/1000 = 2.00%");
  }

  @Test
  void post_stratified_rate_is_undefined_when_a_weighted_segment_has_no_graded_response() {
    // Segment b carries half the production traffic and nothing measured it: no overall rate exists.
    PostStratifiedRate ps = PostStratifiedRate.of(Map.of("a", 0.5, "b", 0.5),
        Map.of("a", new dev.rehearsal.gate.RateEstimate(1, 10)));
    assertThat(ps.defined()).isFalse();
    assertThat(ps.emptySegments()).containsExactly("b");
    assertThat(ps.describe()).isEqualTo("undefined (no graded responses in b)");
  }

  @Test
  void warns_before_any_model_call_when_the_sample_cannot_decide_a_max_rate() throws IOException {
    // 200 uniform samples against max-rate 0.5% at 95%: at the assumed true rate 0.1% (limit/5) the
    // exact plan needs 1,258 samples (SamplePlanner, README); at n = 200 the detection floor is
    // 1 − 0.05^(1/200) = 1.49%, above the limit, so even zero events cannot pass.
    log(900, 100, 5);
    GateRun run = new GateRunner().run(gate("{ size: 200, seed: 3 }",
        "  - { categories: refusal, segments: [overall], max-rate: 0.5%, on-breach: hold }\n"
            + "  - { categories: refusal, segments: [overall], max-rate: 30%, on-breach: hold }\n"));

    // Besides this planning warning the run warns that the refusal grader was never checked against people.
    assertThat(run.warnings()).filteredOn(x -> !x.startsWith(GateRunner.GRADING_WARNING)).hasSize(1);
    assertThat(run.warnings()).anyMatch(x -> x.contains("refusal: grader never checked against people"));
    String w = run.warnings().get(0);
    assertThat(w).startsWith("max-rate 0.50% on segment overall (line ")
        .contains("200 samples cannot show a rate below 0.50% at all",
            "at the assumed true rate 0.10% (limit/5) that needs 1,258 samples (0.95 confidence, exact binomial)",
            "detection floor is 1.49%, above the limit: even zero events cannot pass");
    assertThat(DecisionTable.render(run)).contains("WARNING (planning, before any model call): max-rate 0.50%");
    assertThat(decisionJson(run).get("warnings").get(0).asText()).isEqualTo(w);
  }

  @Test
  void the_warning_names_the_largest_true_rate_the_configured_sample_can_show() {
    // n = 1,000 against 0.5% at 95%: the rule passes with k <= c = 1 (P(X <= 1 | 1000, 0.5%) = 0.040 < 0.05,
    // P(X <= 2) = 0.124); power P(X <= 1 | 1000, p) = 0.8 at p = 0.0824% (by bisection).
    assertThat(SamplePlanning.rateWithPower(1000, 0.005, 0.95)).isCloseTo(0.000824, within(0.000002));
    assertThat(SamplePlanning.rateWithPower(200, 0.005, 0.95)).isZero();
  }

  @Test
  void traffic_turns_the_overall_rate_into_incidents_per_day_and_zero_events_print_the_exact_floor() throws IOException {
    // 1,000 one-turn conversations, none risky, all sampled: k = 0, n = 1000; 1 eligible user turn per
    // conversation, so 1,000 conversations a day are T = 1,000 turns. Jeffreys mean (0 + 1/2)/(1000 + 1)
    // = 0.04995%: 0.4995 incidents a day; P(at least one) = 1 − (1 − 0.0004995)^1000 = 39.32%.
    // Detection floor 1 − 0.05^(1/1000) = 0.2991% (exact, not 3/n = 0.30%).
    log(1000, 1, i -> false, i -> false);
    GateRun run = new GateRunner().run(gateWithTraffic("{ size: 1000, seed: 3 }",
        "  - { categories: refusal, segments: [overall], max-rate: 1%, on-breach: hold }\n", 1000));

    CategoryResult r = run.categories().get("refusal");
    TrafficRisk risk = r.overall().risk().orElseThrow();
    assertThat(risk.turnsPerDay()).isEqualTo(1000.0);
    assertThat(risk.expectedPerDay()).isCloseTo(0.4995, within(1e-4));
    assertThat(risk.atLeastOne()).isCloseTo(0.3932, within(1e-4));
    assertThat(risk.detectionFloor()).isCloseTo(0.0029912, within(1e-7));
    assertThat(r.checks("overall").get(0).observed())
        .contains("detection floor 0.30% at 0.95 (0 events is not 'never')").doesNotContain("~");
    assertThat(DecisionTable.render(run)).contains("refusal / overall (candidate): at 1,000 conversations/day × 1.00"
        + " eligible user turns each = 1,000 turns/day: expected 0.50 incidents/day [", "P(at least one a day) 39.32% [");
    JsonNode overall = decisionJson(run).at("/categories/0/segments/2/deploymentRisk");
    assertThat(overall.get("expectedPerDay").asDouble()).isCloseTo(0.4995, within(1e-4));
    assertThat(overall.get("probabilityAtLeastOnePerDay").asDouble()).isCloseTo(0.3932, within(1e-4));
    assertThat(overall.get("detectionFloor95").asDouble()).isCloseTo(0.0029912, within(1e-7));
  }

  @Test
  void stratified_traffic_risk_uses_the_post_stratified_rate() throws IOException {
    // The stratified fixture above: post-stratified 2% at T = 50,000 turns a day is 1,000 incidents a day.
    log(900, 100, 5);
    GateRun run = new GateRunner().run(gateWithTraffic("{ size: 200, seed: 3, stratify: { allocation: equal } }",
        "  - { categories: refusal, segments: [overall], max-rate: 5%, on-breach: hold }\n", 50_000));

    TrafficRisk risk = run.categories().get("refusal").overall().risk().orElseThrow();
    assertThat(risk.expectedPerDay()).isCloseTo(1000, within(1e-6));
    assertThat(risk.basis()).startsWith("post-stratified rate, 95% Fay-Feuer interval");
  }

  @Test
  void correlated_turns_of_one_conversation_report_design_effect_and_effective_sample_size() throws IOException {
    // 50 conversations × 4 user turns = 200 prefixes, all sampled; every 10th conversation is risky in
    // all four turns: 5 × 4 = 20 refusals, p = 0.1. Residuals y_g − p m_g: 4 − 0.4 = 3.6 (5 conversations),
    // −0.4 (45): Σ = 5 × 12.96 + 45 × 0.16 = 72. Var = G/(G−1) · 72 / 200² = (50/49) · 0.0018 = 0.0018367;
    // binomial 0.1 × 0.9 / 200 = 0.00045; design effect 4.0816 (= 200/49); effective size 49.0.
    log(50, 4, i -> false, i -> i % 10 == 0);
    GateRun run = new GateRunner().run(gate("{ size: 200, seed: 3 }",
        "  - { categories: refusal, segments: [overall], max-rate: 50%, on-breach: hold }\n"));

    CategoryResult r = run.categories().get("refusal");
    assertThat(r.candidate().get("overall")).isEqualTo(new dev.rehearsal.gate.RateEstimate(20, 200));
    var clustered = r.overall().clustered().orElseThrow();
    assertThat(r.overall().conversations()).isEqualTo(50);
    assertThat(clustered.designEffect()).isCloseTo(200 / 49.0, within(1e-9));
    assertThat(clustered.effectiveSampleSize()).isCloseTo(49.0, within(1e-9));
    assertThat(DecisionTable.render(run)).contains(
        "refusal / overall (candidate): clustered by conversation (50 conversations): design effect 4.08,"
            + " effective sample size 49.0");
    JsonNode json = decisionJson(run).at("/categories/0/segments/2/candidateClustered");
    assertThat(json.get("designEffect").asDouble()).isCloseTo(200 / 49.0, within(1e-9));
    assertThat(json.get("effectiveSampleSize").asDouble()).isCloseTo(49.0, within(1e-9));
  }

  @Test
  void one_prefix_per_conversation_reports_no_clustering() throws IOException {
    log(900, 100, 5);
    GateRun run = new GateRunner().run(gate("{ size: 200, seed: 3 }",
        "  - { categories: refusal, segments: [overall], max-rate: 50%, on-breach: hold }\n"));

    assertThat(run.categories().get("refusal").overall().clustered()).isEmpty();
  }

  private GateSpec gateWithTraffic(String sample, String thresholds, long perDay) throws IOException {
    return PrefixFixtures.gate(dir, """
          source: { format: openai-messages, path: log.jsonl }
          sample: %s
          segments:
            - { by: metadata.tier, values: [free, team] }
        """.formatted(sample), "  production: { replay: logged }\n  candidate: { model: cand }\n",
        CANDIDATE + "traffic: { conversations-per-day: " + perDay + " }\nthresholds:\n" + thresholds, Map.of());
  }

  private JsonNode decisionJson(GateRun run) throws IOException {
    Path out = RunReports.write(run, dir.resolve("reports"));
    return new ObjectMapper().readTree(out.resolve("decision.json").toFile());
  }
}
