package dev.rehearsal.run.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws one category × arm review sample: uniform without replacement, or stratified by the
 * grader's verdict with grader-positive items oversampled to a share of the draw. Each drawn item
 * carries its inclusion probability n_h/N_h so the estimate can weight it back.
 */
final class ReviewDraw {

  /** A drawn item and its inclusion probability. */
  record Drawn(ResultLine line, boolean flagged, double inclusionProbability) {}

  private ReviewDraw() {}

  /**
   * Draws up to {@code size} of {@code eligible} ({@code flagged.test} gives the grader's verdict);
   * {@code positiveShare} > 0 asks for that share of the draw from grader-positive items.
   */
  static List<Drawn> draw(List<ResultLine> eligible, java.util.function.Predicate<ResultLine> flagged, int size,
      double positiveShare, SplittableRandom random) {
    List<ResultLine> sorted = eligible.stream().sorted(Comparator.comparing(ResultLine::sampleId)).toList();
    if (positiveShare <= 0) {
      return take(sorted, Math.min(size, sorted.size()), random, flagged);
    }
    List<ResultLine> positives = sorted.stream().filter(flagged).toList();
    List<ResultLine> negatives = sorted.stream().filter(flagged.negate()).toList();
    int wantPositives = Math.min((int) Math.ceil(positiveShare * size), positives.size());
    int negativesTaken = Math.min(size - wantPositives, negatives.size());
    int positivesTaken = Math.min(size - negativesTaken, positives.size());
    List<Drawn> out = new ArrayList<>(take(positives, positivesTaken, random, flagged));
    out.addAll(take(negatives, negativesTaken, random, flagged));
    return out;
  }

  /** {@code n} of {@code from} by a partial Fisher–Yates shuffle; π = n/N for each. */
  private static List<Drawn> take(List<ResultLine> from, int n, SplittableRandom random,
      java.util.function.Predicate<ResultLine> flagged) {
    List<ResultLine> pool = new ArrayList<>(from);
    List<Drawn> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int j = i + random.nextInt(pool.size() - i);
      ResultLine chosen = pool.set(j, pool.get(i));
      pool.set(i, chosen);
      out.add(new Drawn(chosen, flagged.test(chosen), (double) n / from.size()));
    }
    return out;
  }
}
