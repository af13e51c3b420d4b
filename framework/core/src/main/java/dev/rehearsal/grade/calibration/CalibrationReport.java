package dev.rehearsal.grade.calibration;

import dev.rehearsal.stats.GraderCalibration;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * How well a grader's label agrees with a reference on a labelled set.
 *
 * @param grader the grader id
 * @param fingerprint the grader's fingerprint when it was calibrated (stale when it differs)
 * @param label the label measured
 * @param reference what it was compared with ({@code gold <sha256>} or {@code grader <id>})
 * @param table the 2x2 table
 * @param graderErrors examples the grader could not grade (left out of the table)
 * @param confidence the confidence of every interval, e.g. 0.95
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CalibrationReport(String grader, String fingerprint, String label, String reference, AgreementTable table,
    int graderErrors, double confidence) {

  public Estimate sensitivity() {
    return table.sensitivity(confidence);
  }

  public Estimate specificity() {
    return table.specificity(confidence);
  }

  public Estimate precision() {
    return table.precision(confidence);
  }

  public Estimate kappa() {
    return table.kappa(confidence);
  }

  /**
   * The counts {@link dev.rehearsal.stats.GraderCorrection#roganGladen} needs to correct a measured
   * prevalence for this grader's error; fails when the set lacks positives or negatives.
   */
  public GraderCalibration toGraderCalibration() {
    return new GraderCalibration(table.truePositives(), table.truePositives() + table.falseNegatives(),
        table.trueNegatives(), table.trueNegatives() + table.falsePositives());
  }

  /** A plain-text block with every number needed to re-derive the statistics. */
  public String render() {
    AgreementTable t = table;
    return String.format(Locale.ROOT, """
        grader %s (fingerprint %.12s) label '%s' vs %s
          n %d (grader errors left out: %d): TP %d  FP %d  FN %d  TN %d
          sensitivity  %s
          specificity  %s
          precision    %s
          kappa        %s  (p_o %.4f, p_e %.4f)
          intervals at %.0f%%""", grader, fingerprint, label, reference, t.n(), graderErrors, t.truePositives(),
        t.falsePositives(), t.falseNegatives(), t.trueNegatives(), sensitivity(), specificity(), precision(), kappa(),
        t.observedAgreement(), t.chanceAgreement(), confidence * 100);
  }
}
