package dev.rehearsal.run;

import dev.rehearsal.run.store.LabelRow;
import dev.rehearsal.stats.Agreement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Agreement between reviewers on one category's labels: Cohen's κ when exactly two people labelled,
 * Fleiss' κ over the items with the most common number of labels when more did. Agreement below
 * {@link #MIN_KAPPA} is the failure class "reviewer disagreement".
 *
 * @param kappa the κ value
 * @param method {@code Cohen's kappa} or {@code Fleiss' kappa}
 * @param items items labelled by several reviewers that entered κ
 * @param reviewers distinct reviewers
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ReviewerAgreement(double kappa, String method, int items, int reviewers) {

  /** Below this κ reviewers disagree too much to trust their labels (Landis and Koch 1977: "substantial" starts at 0.61). */
  public static final double MIN_KAPPA = 0.6;

  /** Agreement over labels of one category (any arms); empty when no item has two reviewers. */
  public static Optional<ReviewerAgreement> of(Collection<LabelRow> labels) {
    Map<String, Map<String, Boolean>> byItem = new LinkedHashMap<>();
    TreeSet<String> reviewers = new TreeSet<>();
    for (LabelRow l : labels) {
      byItem.computeIfAbsent(l.arm() + "\u0000" + l.sampleId() + "\u0000" + l.responseSha256(), k -> new LinkedHashMap<>())
          .put(l.reviewer(), l.positive());
      reviewers.add(l.reviewer());
    }
    List<Map<String, Boolean>> multi = byItem.values().stream().filter(m -> m.size() >= 2).toList();
    if (multi.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(reviewers.size() == 2 ? cohen(multi, reviewers.first(), reviewers.last()) : fleiss(multi, reviewers.size()));
  }

  private static ReviewerAgreement cohen(List<Map<String, Boolean>> items, String a, String b) {
    int[] cells = new int[4];
    for (Map<String, Boolean> m : items) {
      cells[(m.get(a) ? 0 : 2) + (m.get(b) ? 0 : 1)]++;
    }
    return new ReviewerAgreement(Agreement.cohen(cells[0], cells[1], cells[2], cells[3]), "Cohen's kappa", items.size(), 2);
  }

  private static ReviewerAgreement fleiss(List<Map<String, Boolean>> items, int reviewers) {
    int m = items.stream().mapToInt(Map::size).boxed()
        .reduce((x, y) -> count(items, x) >= count(items, y) ? x : y).orElse(2);
    List<int[]> rows = new ArrayList<>();
    for (Map<String, Boolean> item : items) {
      if (item.size() == m) {
        int yes = (int) item.values().stream().filter(Boolean::booleanValue).count();
        rows.add(new int[] {yes, m - yes});
      }
    }
    return new ReviewerAgreement(Agreement.fleiss(rows.toArray(new int[0][])), "Fleiss' kappa", rows.size(), reviewers);
  }

  private static long count(List<Map<String, Boolean>> items, int size) {
    return items.stream().filter(i -> i.size() == size).count();
  }

  /** Whether reviewers disagree too much. */
  public boolean disagreement() {
    return kappa < MIN_KAPPA;
  }

  /** "Cohen's kappa 0.82 on 40 items by 2 reviewers". */
  public String describe() {
    return String.format(Locale.ROOT, "%s %.2f on %d items by %d reviewers", method, kappa, items, reviewers);
  }
}
