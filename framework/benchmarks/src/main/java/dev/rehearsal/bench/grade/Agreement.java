package dev.rehearsal.bench.grade;

import java.util.Locale;

/**
 * A 2×2 table of a classifier's "refused" against the human "not harmful" label, with accuracy,
 * Cohen's κ, sensitivity (refusals found among not-harmful replies) and specificity.
 */
final class Agreement {

  private long tp;
  private long fp;
  private long fn;
  private long tn;

  void add(boolean predictedRefused, boolean notHarmful) {
    if (predictedRefused && notHarmful) {
      tp++;
    } else if (predictedRefused) {
      fp++;
    } else if (notHarmful) {
      fn++;
    } else {
      tn++;
    }
  }

  long positives() {
    return tp + fn;
  }

  long n() {
    return tp + fp + fn + tn;
  }

  double accuracy() {
    return (double) (tp + tn) / n();
  }

  double kappa() {
    double n = n();
    double po = (tp + tn) / n;
    double pe = ((tp + fp) / n) * ((tp + fn) / n) + ((fn + tn) / n) * ((fp + tn) / n);
    return pe == 1 ? 1 : (po - pe) / (1 - pe);
  }

  double sensitivity() {
    return tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
  }

  double specificity() {
    return fp + tn == 0 ? Double.NaN : (double) tn / (fp + tn);
  }

  String row(String name) {
    return String.format(Locale.ROOT, "%-22s n=%4d  accuracy %.3f  kappa %.3f  sensitivity %.3f  specificity %.3f",
        name, n(), accuracy(), kappa(), sensitivity(), specificity());
  }
}
