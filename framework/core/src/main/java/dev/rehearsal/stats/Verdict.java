package dev.rehearsal.stats;

import java.util.List;

/**
 * The reviewed items of one grader verdict (flagged or passed), with the verdict's population
 * share: Hájek mean of the human labels and its stratified design variance.
 */
record Verdict(double share, double mean, double effective, double population, double z, int size) {

  static Verdict of(List<ReviewedItem> reviewed, boolean flag, int population, int total, double z) {
    return over(reviewed.stream().filter(item -> item.graderFlag() == flag).toList(), population, total, z);
  }

  static Verdict all(List<ReviewedItem> reviewed, int total, double z) {
    return over(reviewed, total, total, z);
  }

  private static Verdict over(List<ReviewedItem> items, int population, int total, double z) {
    double w = 0;
    double wy = 0;
    double w2 = 0;
    for (ReviewedItem item : items) {
      w += item.weight();
      wy += item.weight() * item.human();
      w2 += item.weight() * item.weight();
    }
    double mean = w > 0 ? wy / w : 0;
    double effective = w2 > 0 ? w * w / w2 : 0;
    return new Verdict((double) population / total, mean, effective, population, z, items.size());
  }

  /** (N_h/N)² (1 − n_h/N_h) p̃(1 − p̃)/n_h with Agresti–Coull-adjusted p̃; 0 for an empty verdict. */
  double variance() {
    if (effective == 0 || population == 0) {
      return 0;
    }
    double adjusted = (mean * effective + z * z / 2) / (effective + z * z);
    double finite = Math.max(0, 1 - effective / population);
    return share * share * finite * adjusted * (1 - adjusted) / effective;
  }
}
