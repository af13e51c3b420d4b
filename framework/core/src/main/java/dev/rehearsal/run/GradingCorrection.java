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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Corrects one category's overall per-arm rates for grader error: PPI++ from current human labels
 * (matched by sample id and response hash, made under the grader's current fingerprint), else
 * Rogan–Gladen from the gate's calibration file, else nothing, with a warning saying why.
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
    List<String> warnings = new ArrayList<>();
    Optional<CorrectedEstimate> candEst = cand.enough(min) ? Optional.of(ppi(cand)) : Optional.empty();
    Optional<CorrectedEstimate> prodEst = prod.enough(min) ? Optional.of(ppi(prod)) : Optional.empty();
    String source = candEst.isPresent() || prodEst.isPresent() ? "human labels" : "none";
    int stale = cand.stale() + prod.stale();
    if (stale > 0 && cand.current().isEmpty() && prod.current().isEmpty()) {
      warnings.add(c.id() + ": labels stale: fingerprint changed (" + stale + " labels judge another fingerprint of"
          + " grader '" + c.grader() + "', current " + abbreviate(fingerprint) + "); they are not used. Export a new"
          + " review sample and label it");
    } else if (!cand.current().isEmpty() || !prod.current().isEmpty()) {
      if (candEst.isEmpty() || prodEst.isEmpty()) {
        warnings.add(c.id() + ": too few labels to bound grader error: candidate " + cand.current().size()
            + ", production " + prod.current().size() + " of min-labels " + min + " per arm");
      }
    }
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
      }
    }
    boolean unchecked = candEst.isEmpty() && prodEst.isEmpty();
    if (unchecked && stale == 0) {
      warnings.add(c.id() + ": grader never checked against people: grader '" + c.grader() + "' has no current human"
          + " labels or calibration; raw rates decide (see docs/review-and-correction.md)");
    }
    Optional<ReviewerAgreement> agreement = ReviewerAgreement.of(labels.stream()
        .filter(l -> l.graderFingerprint().equals(fingerprint)).toList());
    agreement.filter(ReviewerAgreement::disagreement).ifPresent(a -> warnings.add(c.id() + ": reviewer disagreement: "
        + a.describe() + " is below " + ReviewerAgreement.MIN_KAPPA));
    boolean corrected = c.grading().correctsWhenPossible() && candEst.isPresent();
    if (corrected && prodEst.isEmpty()) {
      warnings.add(c.id() + ": production's rate is not corrected, so comparisons with production stay on raw rates");
    }
    return new CategoryGrading(source, corrected ? "corrected" : "raw", candEst, prodEst, cand.current().size(),
        prod.current().size(), stale, agreement.map(ReviewerAgreement::describe), warnings, unchecked);
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
