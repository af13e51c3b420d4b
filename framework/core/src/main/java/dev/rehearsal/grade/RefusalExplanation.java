package dev.rehearsal.grade;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Evidence for a refusal the model found without a decline phrase: the score, the three named
 * features that pushed hardest towards "refused", then the n-gram that did (for example {@code
 * refusal model 2.10: short 1.00, no-overlap 1.00, medium 1.00, "o:i understand"}). Named features
 * come first because they say what kind of reply it is; an n-gram's weight is its hash bucket's,
 * shared with every other word of every reply that falls into that bucket, so it is a phrase to
 * look at rather than a reason. N-grams are reply text: escape them where shown.
 */
final class RefusalExplanation {

  private static final int NAMED = 3;
  private static final int GRAMS = 1;

  private RefusalExplanation() {}

  static String of(RefusalModel model, RefusalFeatures.Vector v, double logit) {
    List<Part> named = new ArrayList<>();
    for (int i = 0; i < v.dense().length; i++) {
      double c = model.dense()[i] * v.dense()[i];
      if (c > 0) {
        named.add(new Part(RefusalFeatures.DENSE.get(i) + " " + String.format(Locale.ROOT, "%.2f", v.dense()[i]), c));
      }
    }
    List<Part> grams = new ArrayList<>();
    for (int i = 0; i < v.buckets().length; i++) {
      double c = model.buckets()[v.buckets()[i]];
      if (c > 0) {
        grams.add(new Part("\"" + v.grams().get(i) + "\"", c));
      }
    }
    List<String> shown = new ArrayList<>(strongest(named, NAMED));
    shown.addAll(strongest(grams, GRAMS));
    return String.format(Locale.ROOT, "refusal model %.2f:", logit) + (shown.isEmpty() ? "" : " " + String.join(", ", shown));
  }

  private record Part(String name, double weight) {}

  private static List<String> strongest(List<Part> parts, int n) {
    return parts.stream().sorted(Comparator.comparingDouble(Part::weight).reversed()).limit(n).map(Part::name).toList();
  }
}
