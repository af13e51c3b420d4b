package dev.rehearsal.bench.grade;

import dev.rehearsal.grade.RefusalFeatures;
import java.util.List;

/**
 * Weighted L2-regularised logistic regression on {@link RefusalFeatures} vectors, fitted by
 * full-batch AdaGrad for a fixed number of passes: no randomness, so the same data give the same
 * weights bit for bit.
 */
final class LogisticFit {

  /** One training example: features, label (1 = refused / not harmful) and weight. */
  record Example(RefusalFeatures.Vector x, boolean refused, double weight) {}

  /** Fitted weights. */
  record Weights(double bias, double[] dense, double[] buckets) {

    double logit(RefusalFeatures.Vector v) {
      double z = bias;
      for (int i = 0; i < dense.length; i++) {
        z += dense[i] * v.dense()[i];
      }
      for (int b : v.buckets()) {
        z += buckets[b];
      }
      return z;
    }
  }

  static final int PASSES = 400;
  static final double RATE = 0.3;

  private LogisticFit() {}

  static Weights fit(List<Example> data, double l2) {
    int nd = RefusalFeatures.DENSE.size();
    int nb = RefusalFeatures.BUCKETS;
    double[] w = new double[1 + nd + nb];
    double[] g2 = new double[w.length];
    double total = data.stream().mapToDouble(Example::weight).sum();
    for (int pass = 0; pass < PASSES; pass++) {
      double[] grad = new double[w.length];
      Weights now = unpack(w, nd, nb);
      for (Example e : data) {
        double p = 1 / (1 + Math.exp(-now.logit(e.x())));
        double r = e.weight() * (p - (e.refused() ? 1 : 0)) / total;
        grad[0] += r;
        for (int i = 0; i < nd; i++) {
          grad[1 + i] += r * e.x().dense()[i];
        }
        for (int b : e.x().buckets()) {
          grad[1 + nd + b] += r;
        }
      }
      for (int j = 0; j < w.length; j++) {
        double g = grad[j] + (j == 0 ? 0 : l2 * w[j]);
        g2[j] += g * g;
        w[j] -= g2[j] == 0 ? 0 : RATE * g / Math.sqrt(g2[j]);
      }
    }
    return unpack(w, nd, nb);
  }

  private static Weights unpack(double[] w, int nd, int nb) {
    double[] dense = new double[nd];
    double[] buckets = new double[nb];
    System.arraycopy(w, 1, dense, 0, nd);
    System.arraycopy(w, 1 + nd, buckets, 0, nb);
    return new Weights(w[0], dense, buckets);
  }
}
