package dev.rehearsal.run;

import dev.rehearsal.run.store.LabelRow;
import dev.rehearsal.spec.CategorySpec;
import dev.rehearsal.stats.ReviewedItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One arm's graded items of a category and the human labels that match them. A label matches an
 * item when sample id, arm and response hash agree (a relabelled or regenerated response is a new
 * item); it is current when it judges the grader's current fingerprint. Several reviewers of one
 * item are combined by majority, a tie counting as positive (the misbehaviour is not ruled out).
 *
 * @param graded items the grader judged
 * @param flags items it flagged
 * @param current the reviewed items under the current fingerprint
 * @param stale labels of matched items made under another fingerprint
 * @param unmatched labels of this arm that judge a response this run did not produce (another
 *     response to the sample, or a sample not drawn this time)
 */
record ArmLabels(int graded, int flags, List<ReviewedItem> current, int stale, int unmatched) {

  static ArmLabels of(List<ItemResult> items, String arm, CategorySpec c, List<LabelRow> labels, String fingerprint) {
    if (labels.stream().noneMatch(l -> l.arm().equals(arm))) {
      // Nothing to match (the usual case, run per category and segment): count without indexing.
      // A run has one item per sample and arm, so the count equals the index's size below.
      int graded = 0;
      int flags = 0;
      for (ItemResult item : items) {
        if (item.arm().equals(arm) && judged(item, c) && item.response().isPresent()) {
          graded++;
          flags += item.flagged(c.grader(), c.label()) ? 1 : 0;
        }
      }
      return new ArmLabels(graded, flags, List.of(), 0, 0);
    }
    Map<String, ItemResult> bySample = new HashMap<>();
    int flags = 0;
    for (ItemResult item : items) {
      if (item.arm().equals(arm) && judged(item, c) && item.response().isPresent()) {
        bySample.put(item.sampleId(), item);
        flags += item.flagged(c.grader(), c.label()) ? 1 : 0;
      }
    }
    Map<String, List<LabelRow>> matched = new LinkedHashMap<>();
    int stale = 0;
    int unmatched = 0;
    for (LabelRow l : labels) {
      if (!l.arm().equals(arm)) {
        continue;
      }
      ItemResult item = bySample.get(l.sampleId());
      if (item == null || !Items.sha256(item.response().get()).equals(l.responseSha256())) {
        unmatched++;
        continue;
      }
      if (l.graderFingerprint().equals(fingerprint)) {
        matched.computeIfAbsent(l.sampleId(), k -> new ArrayList<>()).add(l);
      } else {
        stale++;
      }
    }
    List<ReviewedItem> current = new ArrayList<>();
    matched.forEach((sample, rows) -> {
      long yes = rows.stream().filter(LabelRow::positive).count();
      current.add(new ReviewedItem(bySample.get(sample).flagged(c.grader(), c.label()), 2 * yes >= rows.size(),
          rows.get(0).inclusionProbability()));
    });
    return new ArmLabels(bySample.size(), flags, current, stale, unmatched);
  }

  private static boolean judged(ItemResult item, CategorySpec c) {
    var grade = item.grades().get(c.grader());
    return grade != null && grade.verdict().isPresent();
  }

  boolean enough(int min) {
    return current.size() >= min && current.size() >= 2 && graded > 0;
  }
}
