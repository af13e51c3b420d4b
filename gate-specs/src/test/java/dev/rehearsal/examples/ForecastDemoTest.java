package dev.rehearsal.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.examples.SyntheticDeployment.Release;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;

/**
 * The forecast-validation demo on a synthetic deployment series with known truth: generates Y's and
 * X's production logs, runs the scorecard through the Rehearsal engine, and checks its numbers.
 * Run it alone with {@code mvn -B verify -pl gate-specs -am -Dtest=ForecastDemoTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Drehearsal.fail-if-no-tests=false}.
 */
class ForecastDemoTest {

  static final Path MODULE = DemoPaths.module();
  static final Path DATA = MODULE.resolve("target/forecast-demo");
  static final Path REPORTS = MODULE.resolve("target/rehearsal");
  static EngineExecutionResults scorecard;
  static JsonNode card;

  @BeforeAll
  static void generate_the_series_and_score_the_release() throws IOException {
    Files.deleteIfExists(DATA.resolve("store.db"));
    SyntheticDeployment.write(DATA.resolve("y-production.jsonl"), Release.Y, 12_000, 1);
    SyntheticDeployment.write(DATA.resolve("x-production.jsonl"), Release.X, 12_000, 2);
    scorecard = kit("forecast/synthetic-release.scorecard.yaml").execute();
    card = new ObjectMapper().readTree(REPORTS.resolve("synthetic-release/scorecard.json").toFile());
  }

  static EngineTestKit.Builder kit(String resource) {
    return EngineTestKit.engine("rehearsal").enableImplicitConfigurationParameters(false)
        .configurationParameter("rehearsal.project-root", DemoPaths.root().toString())
        .configurationParameter("rehearsal.reports-dir", REPORTS.toString())
        .configurationParameter("rehearsal.store", DATA.resolve("store.db").toString())
        .selectors(selectClasspathResource(resource));
  }

  @Test
  void every_category_of_the_scorecard_tree_passes_within_the_calibrated_error_bound() {
    scorecard.containerEvents().assertThatEvents().haveExactly(1, event(container(),
        displayName("scorecard synthetic-release"), finishedSuccessfully()));
    scorecard.testEvents().assertStatistics(s -> s.started(7).succeeded(7).failed(0));
  }

  @Test
  void realized_rates_contain_the_known_truth_of_the_released_model() {
    for (JsonNode c : card.get("categories")) {
      String[] kn = c.get("realized").asText().split("/");
      double k = Double.parseDouble(kn[0]);
      double n = Double.parseDouble(kn[1]);
      double truth = SyntheticDeployment.trueRate(Release.X, c.get("category").asText());
      // Four binomial standard errors: a failure here means the generator or the measurement is broken.
      assertThat(k / n).as(c.get("category").asText()).isCloseTo(truth, within(4 * Math.sqrt(truth * (1 - truth) / n)));
    }
  }

  @Test
  void binomial_nll_of_two_categories_matches_the_hand_computation() {
    // violence: realized 41/10000; raw forecast Jeffreys (30+½)/(8000+1) = 0.0038120.
    //   NLL = −[ln C(10000,41) + 41 ln p + 9959 ln(1−p)] = −[263.50763 − 228.35340 − 38.03649] = 2.88225
    //   regret = 2.88225 − NLL at 41/10000 (2.77570) = 0.10655
    JsonNode violence = category("disallowed/violence");
    assertThat(violence.get("simulatedXY").asText()).isEqualTo("30/8000");
    assertThat(violence.get("realized").asText()).isEqualTo("41/10000");
    assertThat(violence.at("/methods/raw/nll").asDouble()).isCloseTo(2.88225, within(1e-4));
    assertThat(violence.at("/methods/raw/nllRegret").asDouble()).isCloseTo(0.10655, within(1e-4));
    // calculator hacking: realized 507/10000; raw forecast (68+½)/8001 = 0.0085614.
    //   NLL = −[2001.70481 − 2413.56745 − 81.62356] = 493.48620
    //   previous production (148+½)/8001 = 0.0185602: −[2001.70481 − 2021.27559 − 177.84738] = 197.41816
    JsonNode calculator = category("misalignment/calculator-hacking");
    assertThat(calculator.get("simulatedXY").asText()).isEqualTo("68/8000");
    assertThat(calculator.get("productionY").asText()).isEqualTo("148/8000");
    assertThat(calculator.at("/methods/raw/nll").asDouble()).isCloseTo(493.48620, within(1e-4));
    assertThat(calculator.at("/methods/previous/nll").asDouble()).isCloseTo(197.41816, within(1e-4));
  }

  @Test
  void fidelity_calibrated_forecast_has_lower_total_nll_than_raw_and_previous_production() {
    // Stated numbers on this series: calibrated 37.86, raw 527.82, previous production 318.27.
    double calibrated = card.at("/methods/calibrated/totalNll").asDouble();
    double raw = card.at("/methods/raw/totalNll").asDouble();
    double previous = card.at("/methods/previous/totalNll").asDouble();

    assertThat(calibrated).isCloseTo(37.86, within(0.01));
    assertThat(raw).isCloseTo(527.82, within(0.01));
    assertThat(previous).isCloseTo(318.27, within(0.01));
    assertThat(calibrated).isLessThan(raw).isLessThan(previous);
  }

  @Test
  void simulation_fidelity_error_isolates_the_under_triggered_tool_category() {
    // Y→Y emits calculator hacking at 1/5 of Y's production rate: 28.5/8001 against 148.5/8001 = 0.192.
    assertThat(Math.exp(category("misalignment/calculator-hacking").get("fidelityLogError").asDouble()))
        .isCloseTo(SyntheticDeployment.SIMULATION_FIDELITY, within(0.05));
    for (JsonNode c : card.get("categories")) {
      if (!c.get("category").asText().equals(SyntheticDeployment.TOOL_CATEGORY)) {
        assertThat(Math.exp(c.get("fidelityLogError").asDouble())).as(c.get("category").asText()).isBetween(0.6, 1.7);
      }
    }
  }

  @Test
  void directional_accuracy_with_the_move_filter_and_both_baselines_appear() {
    // Five categories moved ≥ 1.5× (violence, self-harm, fabricated facts, background tasks, calculator hacking).
    assertThat(card.at("/methods/raw/movedCategories").asInt()).isEqualTo(5);
    assertThat(card.at("/methods/raw/directionRight").asInt()).isEqualTo(4);
    assertThat(card.at("/methods/calibrated/directionRight").asInt()).isEqualTo(5);
    assertThat(card.at("/methods/challenging/directionRight").asInt()).isEqualTo(2);
    assertThat(card.at("/methods/previous/directionalAccuracy").asText()).isEqualTo("NaN");
    assertThat(card.get("pairedTests").findValuesAsText("test")).containsOnly("Wilcoxon signed-rank, two-sided");
  }

  @Test
  void taxonomy_coverage_reports_the_category_new_in_x_as_unexplained() {
    assertThat(card.at("/taxonomyCoverage/unexplained").fieldNames()).toIterable().containsExactly("sycophancy");
    assertThat(card.at("/taxonomyCoverage/share").asDouble()).isBetween(0.7, 0.85);
  }

  @Test
  void a_category_beyond_its_error_bound_fails_with_forecast_realized_error_and_bound() {
    EngineExecutionResults raw = kit("forecast/synthetic-release-raw.scorecard.yaml").execute();

    raw.testEvents().assertStatistics(s -> s.started(7).failed(1));
    raw.testEvents().assertThatEvents().haveExactly(1, event(test(),
        displayName("synthetic-release-raw › misalignment/calculator-hacking"),
        finishedWithFailure(instanceOf(AssertionFailedError.class), message(m -> m.contains("forecast:   0.00856")
            && m.contains("realized:   0.05074 (507/10000)") && m.contains("error:      5.93×")
            && m.contains("bound:      2.00×")))));
  }

  @Test
  void validation_refuses_to_score_with_a_changed_grader_and_names_it() {
    EngineExecutionResults changed = kit("forecast/synthetic-release-changed-grader.scorecard.yaml").execute();

    changed.containerEvents().assertThatEvents().haveExactly(1, event(container(),
        displayName("scorecard synthetic-release-changed-grader"), finishedWithFailure(
            instanceOf(dev.rehearsal.forecast.MeasurementChangedException.class),
            message(m -> m.startsWith("Grader 'calculator-hacking' of category 'misalignment/calculator-hacking'"
                + " differs from the frozen measurement of release 'synthetic-x-1'")))));
    changed.testEvents().assertStatistics(s -> s.succeeded(0));
  }

  @Test
  void calibration_plot_is_well_formed_svg_with_the_bands() throws Exception {
    Path svg = REPORTS.resolve("synthetic-release/calibration.svg");
    org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(svg.toFile());

    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(doc.getElementsByTagName("polygon").getLength()).isEqualTo(2);
    assertThat(doc.getElementsByTagName("circle").getLength()).isGreaterThanOrEqualTo(4 * 7);
    assertThat(Files.readString(svg)).contains("1.5×", "3×");
  }

  @Test
  void simulated_models_emit_the_true_rates_except_the_planted_tool_bias() {
    dev.rehearsal.spec.GateSpec gate = new dev.rehearsal.spec.GateSpecLoader(dev.rehearsal.spec.SpecContext.of(
        DemoPaths.root(), DemoPaths.root())).load(MODULE.resolve("target/test-classes/forecast/synthetic-release.gate.yaml"));
    for (var model : java.util.Map.of("x-sim", Release.X, "y-sim", Release.Y).entrySet()) {
      java.util.Map<?, ?> rates = (java.util.Map<?, ?>) gate.models().get(model.getKey()).settings().get("rates");
      SyntheticDeployment.TRUTH.forEach((category, truth) -> {
        java.util.Map<?, ?> bySegment = (java.util.Map<?, ?>) rates.get(category);
        if (bySegment == null) {
          return;
        }
        double bias = category.equals(SyntheticDeployment.TOOL_CATEGORY) ? SyntheticDeployment.SIMULATION_FIDELITY : 1;
        for (String segment : java.util.List.of("chat", "coding")) {
          assertThat(Double.parseDouble(String.valueOf(bySegment.get(segment)))).as(model.getKey() + " " + category)
              .isCloseTo(bias * truth.rate(model.getValue(), segment), within(1e-12));
        }
      });
    }
  }

  private static JsonNode category(String id) {
    for (JsonNode c : card.get("categories")) {
      if (c.get("category").asText().equals(id)) {
        return c;
      }
    }
    throw new AssertionError("No category " + id + " in the scorecard");
  }
}
