package dev.rehearsal.grade;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Evidence for a refusal the model found without a decline phrase: the score and the three
 * features that pushed hardest towards "refused" (for example {@code refusal model 2.10: short
 * reply, request words 0.00, "o:i understand"}). N-grams are reply text: escape them where shown.
 */
final class RefusalExplanation {

  private static final int SHOWN = 3;

  private RefusalExplanation() {}

  static String of(RefusalModel model, RefusalFeatures.Vector v, double logit) {
    record Part(String name, double weight) {}
    List<Part> parts = new ArrayList<>();
    for (int i = 0; i < v.dense().length; i++) {
      double c = model.dense()[i] * v.dense()[i];
      if (c > 0) {
        parts.add(new Part(RefusalFeatures.DENSE.get(i) + " " + String.format(Locale.ROOT, "%.2f", v.dense()[i]), c));
      }
    }
    for (int i = 0; i < v.buckets().length; i++) {
      double c = model.buckets()[v.buckets()[i]];
      if (c > 0) {
        parts.add(new Part("\"" + v.grams().get(i) + "\"", c));
      }
    }
    parts.sort(Comparator.comparingDouble(Part::weight).reversed());
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "refusal model %.2f:", logit));
    for (int i = 0; i < Math.min(SHOWN, parts.size()); i++) {
      out.append(i == 0 ? " " : ", ").append(parts.get(i).name());
    }
    return out.toString();
  }
}
