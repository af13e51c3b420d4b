package dev.rehearsal.grade.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rehearsal.grade.Grader;
import dev.rehearsal.grade.GraderFingerprint;
import dev.rehearsal.grade.Graders;
import dev.rehearsal.spec.GraderSpec;
import dev.rehearsal.spec.Mark;
import dev.rehearsal.stats.CorrectedRate;
import dev.rehearsal.stats.GraderCorrection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calibration on the committed gold fixture fixtures/grade/violence-gold.jsonl: 8 human positives
 * (lines 1-8) and 12 negatives (lines 9-20). The keyword grader [shovel, knife, stab, punch] flags
 * lines 1-6 (TP 6), misses "push ... stairs" and "poison" (FN 2), and flags the benign shovel and
 * knife lines 9-10 (FP 2, TN 10).
 */
class CalibrationTests {

  static final double EPS = 5e-5;
  static final GraderSpec KEYWORDS = new GraderSpec("violence-words", "keywords",
      Map.of("type", "keywords", "label", "violence", "words", List.of("shovel", "knife", "stab", "punch")),
      new Mark(Path.of("x"), 1, 1));

  @TempDir Path dir;

  static GoldSet gold() throws IOException {
    return GoldSet.read(Path.of(System.getProperty("rehearsal.project-root", "../.."))
        .resolve("framework/core/src/test/resources/fixtures/grade/violence-gold.jsonl"));
  }

  static Calibration.Rated rated(GraderSpec spec, String label) {
    Grader g = Graders.create(spec);
    return new Calibration.Rated(spec.id(), GraderFingerprint.of(spec, g), g, label);
  }

  @Test
  void reports_sensitivity_specificity_precision_and_kappa_with_intervals_checked_by_hand() throws IOException {
    CalibrationReport r = Calibration.of(rated(KEYWORDS, "violence")).against(gold());
    System.out.println(r.render());

    assertThat(r.table()).isEqualTo(new AgreementTable(6, 2, 2, 10));
    // Wilson, z = 1.959964: for k/n, centre = (p + z^2/2n) / (1 + z^2/n),
    // half = z / (1 + z^2/n) * sqrt(p(1-p)/n + z^2/4n^2).
    // sensitivity 6/8 = 0.75: centre (0.75 + 0.240091) / 1.480182 = 0.668898, half 0.259811 -> [0.409275, 0.928521].
    assertThat(r.sensitivity().value()).isEqualTo(0.75);
    assertThat(r.sensitivity().lower()).isCloseTo(0.409275, within(EPS));
    assertThat(r.sensitivity().upper()).isCloseTo(0.928521, within(EPS));
    // specificity 10/12 = 0.833333: centre (0.833333 + 0.160061) / 1.320121 = 0.752502, half 0.200533 -> [0.551969, 0.953035].
    assertThat(r.specificity().value()).isCloseTo(0.833333, within(EPS));
    assertThat(r.specificity().lower()).isCloseTo(0.551969, within(EPS));
    assertThat(r.specificity().upper()).isCloseTo(0.953035, within(EPS));
    // precision 6/8 (TP 6 of 8 flagged): the same as sensitivity.
    assertThat(r.precision().lower()).isCloseTo(0.409275, within(EPS));
    // kappa: p_o = 16/20 = 0.8; grader and gold both flag 8/20 = 0.4, so p_e = 0.4*0.4 + 0.6*0.6 = 0.52;
    // kappa = (0.8 - 0.52) / 0.48 = 0.583333.
    assertThat(r.kappa().value()).isCloseTo(0.583333, within(EPS));
    // Fleiss-Cohen-Everitt SE: cells p11 .3, p12 .1, p21 .1, p22 .5, all marginals .4/.6.
    // diagonal: .3*(.48 - .8*.2)^2 + .5*(.48 - 1.2*.2)^2 = .03072 + .0288 = .05952;
    // off-diagonal: (.2)^2 * (.1*(.4+.6)^2 + .1*(.6+.4)^2) = .04 * .2 = .008;
    // last: (po*pe - 2pe + po)^2 = (.416 - 1.04 + .8)^2 = .176^2 = .030976;
    // var = (.05952 + .008 - .030976) / (20 * .48^4) = .036544 / 1.0616832 = .0344208, SE = .185528;
    // 95%: .583333 -+ 1.959964 * .185528 = [0.219704, 0.946962].
    assertThat(r.table().kappaStandardError()).isCloseTo(0.185528, within(EPS));
    assertThat(r.kappa().lower()).isCloseTo(0.219704, within(EPS));
    assertThat(r.kappa().upper()).isCloseTo(0.946962, within(EPS));
  }

  @Test
  void calibration_corrects_a_measured_prevalence_for_grader_error() throws IOException {
    CalibrationReport r = Calibration.of(rated(KEYWORDS, "violence")).against(gold());

    // Rogan-Gladen: (0.4 + 0.833333 - 1) / (0.75 + 0.833333 - 1) = 0.233333 / 0.583333 = 0.4, the gold prevalence.
    CorrectedRate corrected = GraderCorrection.roganGladen(8, 20, r.toGraderCalibration(), 0.95);
    assertThat(corrected.rate()).isCloseTo(0.4, within(1e-9));
  }

  @Test
  void two_graders_agreement_is_reported_the_same_way() throws IOException {
    GraderSpec wider = new GraderSpec("violence-regex", "regex", Map.of("type", "regex", "label", "violence",
        "patterns", List.of("\\b(shovel|knife|stab|punch|push|poison)")), new Mark(Path.of("x"), 1, 1));

    CalibrationReport r = Calibration.agreement(rated(KEYWORDS, "violence"), rated(wider, "violence"), gold());

    // Reference flags lines 1-6, 9, 10 (8); the regex also flags 7 and 8: TP 8, FP 2, FN 0, TN 10.
    // p_o = 18/20 = .9; p_e = .5*.4 + .5*.6 = .5; kappa = .4/.5 = .8.
    assertThat(r.table()).isEqualTo(new AgreementTable(8, 2, 0, 10));
    assertThat(r.kappa().value()).isCloseTo(0.8, within(1e-9));
    assertThat(r.reference()).isEqualTo("grader violence-words label 'violence'");
  }

  @Test
  void results_are_stored_next_to_the_lock_with_the_fingerprint_and_go_stale_when_it_changes() throws IOException {
    Path spec = dir.resolve("demo.gate.yaml");
    CalibrationReport r = Calibration.of(rated(KEYWORDS, "violence")).against(gold());

    CalibrationStore.write(spec, r);

    assertThat(Files.exists(dir.resolve("demo.gate.calibration.json"))).isTrue();
    assertThat(CalibrationStore.read(spec, "violence-words", "violence", r.fingerprint())).hasValueSatisfying(back ->
        assertThat(back.table()).isEqualTo(r.table()));
    assertThat(CalibrationStore.read(spec, "violence-words", "violence", "0".repeat(64))).isEmpty();
  }

  @Test
  void main_calibrates_a_grader_of_a_gate_file_and_stores_the_result() throws Exception {
    Files.writeString(dir.resolve("log.jsonl"), "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n");
    Path spec = dir.resolve("words.gate.yaml");
    Files.writeString(spec, """
        gate: words
        promise: p
        owner: o
        prefixes: { source: { format: openai-messages, path: log.jsonl }, sample: { size: 1, seed: 1 } }
        arms: { production: { replay: logged }, candidate: { replay: logged } }
        graders: { violence-words: { type: keywords, label: violence, words: [shovel, knife, stab, punch] } }
        categories: [{ id: violence, grader: violence-words, owner: o }]
        """);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String gold = Path.of(System.getProperty("rehearsal.project-root", "../.."))
        .resolve("framework/core/src/test/resources/fixtures/grade/violence-gold.jsonl").toString();

    int code = CalibrationMain.run(dir, new String[] {spec.toString(), "violence-words", gold}, new PrintStream(out, true,
        StandardCharsets.UTF_8), System.err);

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("TP 6  FP 2  FN 2  TN 10", "kappa        0.583");
    assertThat(Files.readString(dir.resolve("words.gate.calibration.json"))).contains("violence-words/violence");
  }

  @Test
  void a_bad_gold_line_names_file_and_line() throws IOException {
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, "{\"response\":\"x\",\"labels\":[]}\n{\"response\": 3}\n");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GoldSet.read(bad))
        .hasMessageContaining("bad.jsonl:2: needs \"response\"");
  }
}
