package dev.rehearsal.run;

import dev.rehearsal.grade.calibration.AgreementTable;
import dev.rehearsal.grade.calibration.CalibrationReport;
import dev.rehearsal.grade.calibration.CalibrationStore;
import dev.rehearsal.run.store.LabelRow;
import dev.rehearsal.spec.CategorySpec;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.stats.CorrectedEstimate;
import dev.rehearsal.stats.GraderCalibration;
import dev.rehearsal.stats.GraderCorrection;
import dev.rehearsal.stats.ReviewedRate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Corrects one category's per-arm rates for grader error, overall and per segment: PPI++ from
 * current human labels (matched by sample id, arm and response hash, made under the grader's
 * current fingerprint), else Rogan–Gladen from the gate's calibration file, else nothing, with a
 * warning saying why. A segment uses only the labels of its own items.
 */
final class GradingCorrection {

  static final double CONFIDENCE = 0.95;

  private GradingCorrection() {}

  static CategoryGrading of(GateSpec spec, CategorySpec c, List<ItemResult> items, List<LabelRow> gateLabels,
      Map<String, String> fingerprints) {
    String fingerprint = fingerprints.getOrDefault(c.grader(), "");
    List<LabelRow> labels = gateLabels.stream().filter(l -> l.category().equals(c.id())).toList();
    ArmLabels cand = ArmLabels.of(items, "candidate", c, labels, fingerprint);
    ArmLabels prod = ArmLabels.of(items, "production", c, labels, fingerprint);
    int min = c.grading().minLabels();
    List<String> warnings = new ArrayList<>(LabelWarnings.of(c, cand, prod, fingerprint));
    Optional<CorrectedEstimate> candEst = cand.enough(min) ? Optional.of(ppi(cand)) : Optional.empty();
    Optional<CorrectedEstimate> prodEst = prod.enough(min) ? Optional.of(ppi(prod)) : Optional.empty();
    String source = candEst.isPresent() || prodEst.isPresent() ? "human labels" : "none";
    if (source.equals("none")) {
      Optional<CalibrationReport> calibration = CalibrationStore.read(spec.file(), c.grader(), c.label(), fingerprint);
      Optional<GraderCalibration> usable = calibration.flatMap(GradingCorrection::usable);
      if (usable.isPresent()) {
        candEst = Optional.of(roganGladen(cand, usable.get()));
        prodEst = Optional.of(roganGladen(prod, usable.get()));
        source = "calibration";
      } else if (calibration.isPresent()) {
        warnings.add(c.id() + ": calibration of grader '" + c.grader() + "' cannot correct: it needs gold positives and"
            + " negatives and sensitivity + specificity > 1");
      } else {
        CalibrationStore.fingerprint(spec.file(), c.grader(), c.label()).ifPresent(stale -> warnings.add(c.id()
            + ": calibration stale: " + CalibrationStore.pathFor(spec.file()).getFileName() + " calibrated grader '"
            + c.grader() + "' under fingerprint " + abbreviate(stale) + ", current " + abbreviate(fingerprint)
            + "; it is not used. Calibrate the grader again"));
      }
    }
    boolean unchecked = candEst.isEmpty() && prodEst.isEmpty();
    if (unchecked && cand.stale() + prod.stale() == 0) {
      warnings.add(c.id() + ": grader never checked against people: grader '" + c.grader() + "' has no current human"
          + " labels or calibration; raw rates decide (see docs/review-and-correction.md)");
    }
    Optional<ReviewerAgreement> agreement = ReviewerAgreement.of(labels.stream()
        .filter(l -> l.graderFingerprint().equals(fingerprint)).toList());
    agreement.filter(ReviewerAgreement::disagreement).ifPresent(a -> warnings.add(c.id() + ": reviewer disagreement: "
        + a.describe() + " is below " + ReviewerAgreement.MIN_KAPPA));
    boolean corrected = c.grading().correctsWhenPossible() && candEst.isPresent();
    if (corrected && prodEst.isEmpty()) {
      warnings.add(c.id() + ": production's rate is not corrected, so comparisons with production cannot be corrected"
          + (c.grading().requireCalibration() ? " and fail closed (grading.require-calibration)" : " and stay on raw rates"));
    }
    return new CategoryGrading(source, corrected ? "corrected" : "raw", candEst, prodEst, cand.current().size(),
        prod.current().size(), stale(cand, prod), agreement.map(ReviewerAgreement::describe), warnings, unchecked);
  }

  private static int stale(ArmLabels cand, ArmLabels prod) {
    return cand.stale() + prod.stale();
  }

  /**
   * Each segment's corrected rates, from the human labels of its own items (PPI++ needs min-labels
   * per arm there too) or, when the category was corrected from the calibration file, Rogan–Gladen
   * on the segment's counts (a calibration describes the grader, not a segment). Empty when the
   * category has no correction at all.
   */
  static Map<String, ScopeCorrection> segments(GateSpec spec, CategorySpec c, List<ItemResult> items,
      List<LabelRow> gateLabels, Map<String, String> fingerprints, CategoryGrading grading, List<String> segments) {
    Map<String, ScopeCorrection> out = new LinkedHashMap<>();
    if (grading.source().equals("none")) {
      return out;
    }
    String fingerprint = fingerprints.getOrDefault(c.grader(), "");
    List<LabelRow> labels = gateLabels.stream().filter(l -> l.category().equals(c.id())).toList();
    Optional<GraderCalibration> calibration = grading.source().equals("calibration")
        ? CalibrationStore.read(spec.file(), c.grader(), c.label(), fingerprint).flatMap(GradingCorrection::usable)
        : Optional.empty();
    int min = c.grading().minLabels();
    for (String s : segments) {
      List<ItemResult> in = items.stream().filter(i -> i.segment().equals(s)).toList();
      ArmLabels cand = ArmLabels.of(in, "candidate", c, labels, fingerprint);
      ArmLabels prod = ArmLabels.of(in, "production", c, labels, fingerprint);
      out.put(s, calibration.map(g -> new ScopeCorrection(s, Optional.of(roganGladen(cand, g)),
              Optional.of(roganGladen(prod, g)), 0, 0, min, "calibration"))
          .orElseGet(() -> new ScopeCorrection(s, cand.enough(min) ? Optional.of(ppi(cand)) : Optional.empty(),
              prod.enough(min) ? Optional.of(ppi(prod)) : Optional.empty(), cand.current().size(),
              prod.current().size(), min, "human labels")));
    }
    return out;
  }

  private static CorrectedEstimate ppi(ArmLabels arm) {
    return ReviewedRate.ppiPlusPlus(arm.current(), arm.flags(), arm.graded(), CONFIDENCE);
  }

  private static CorrectedEstimate roganGladen(ArmLabels arm, GraderCalibration calibration) {
    return GraderCorrection.roganGladenEstimate(arm.flags(), Math.max(1, arm.graded()), calibration, CONFIDENCE);
  }

  private static Optional<GraderCalibration> usable(CalibrationReport report) {
    AgreementTable t = report.table();
    int positives = t.truePositives() + t.falseNegatives();
    int negatives = t.trueNegatives() + t.falsePositives();
    if (positives == 0 || negatives == 0) {
      return Optional.empty();
    }
    GraderCalibration g = new GraderCalibration(t.truePositives(), positives, t.trueNegatives(), negatives);
    return g.sensitivity() + g.specificity() > 1 ? Optional.of(g) : Optional.empty();
  }

  static String abbreviate(String fingerprint) {
    return fingerprint.length() > 12 ? fingerprint.substring(0, 12) + "…" : fingerprint;
  }
}
