package dev.rehearsal.run;

import dev.rehearsal.spec.CategorySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Warnings about a category's human labels that are not used: labels made under another grader
 * fingerprint (stale), labels of responses this run did not produce, and too few current labels.
 * None of these may change a decision silently.
 */
final class LabelWarnings {

  private LabelWarnings() {}

  static List<String> of(CategorySpec c, ArmLabels cand, ArmLabels prod, String fingerprint) {
    List<String> out = new ArrayList<>();
    int stale = cand.stale() + prod.stale();
    int current = cand.current().size() + prod.current().size();
    if (stale > 0) {
      out.add(c.id() + ": labels stale: fingerprint changed (" + stale + " labels judge another fingerprint of grader '"
          + c.grader() + "', current " + GradingCorrection.abbreviate(fingerprint) + "); they are not used"
          + (current == 0 ? ". Export a new review sample and label it" : "; " + current + " current labels are used"));
    }
    int unmatched = cand.unmatched() + prod.unmatched();
    if (unmatched > 0) {
      out.add(c.id() + ": " + unmatched + " labels judge responses this run did not produce (candidate "
          + cand.unmatched() + ", production " + prod.unmatched() + "; the arm answered differently or the sample was"
          + " not drawn); they are not used");
    }
    int min = c.grading().minLabels();
    if (current > 0 && (!cand.enough(min) || !prod.enough(min))) {
      out.add(c.id() + ": too few labels to bound grader error: candidate " + cand.current().size() + ", production "
          + prod.current().size() + " of min-labels " + min + " per arm");
    }
    return out;
  }
}
