package dev.rehearsal.stats;

import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * Chance-corrected agreement between reviewers on binary labels; low agreement is the failure
 * class "reviewer disagreement" of its own.
 *
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public final class Agreement {

  private Agreement() {}

  /**
   * Cohen's κ (Cohen 1960, Educ Psychol Meas 20:37-46) for two reviewers from the 2×2 table of
   * (reviewer A, reviewer B): both positive, only A, only B, both negative. 1 when agreement is
   * perfect and chance agreement is also 1 (a degenerate table).
   */
  public static double cohen(int both, int onlyFirst, int onlySecond, int neither) {
    double n = both + onlyFirst + onlySecond + neither;
    if (!(n > 0) || both < 0 || onlyFirst < 0 || onlySecond < 0 || neither < 0) {
      throw new IllegalArgumentException("Agreement table is not non-negative with at least one item: "
          + both + ", " + onlyFirst + ", " + onlySecond + ", " + neither);
    }
    double observed = (both + neither) / n;
    double first = (both + onlyFirst) / n;
    double second = (both + onlySecond) / n;
    double chance = first * second + (1 - first) * (1 - second);
    return chance == 1 ? 1 : (observed - chance) / (1 - chance);
  }

  /**
   * Fleiss' κ (Fleiss 1971, Psychol Bull 76:378-382) for items each rated by the same number m ≥ 2
   * of reviewers; {@code counts[i][j]} is how many reviewers put item i in category j.
   */
  public static double fleiss(int[][] counts) {
    if (counts.length == 0) {
      throw new IllegalArgumentException("Number of rated items is not strictly positive: 0");
    }
    int raters = sum(counts[0]);
    double[] share = new double[counts[0].length];
    double agreement = 0;
    for (int[] item : counts) {
      if (sum(item) != raters || raters < 2 || item.length != share.length) {
        throw new IllegalArgumentException("Every item needs the same number (at least 2) of ratings over the"
            + " same categories: expected " + raters + " ratings over " + share.length + ", got " + sum(item)
            + " over " + item.length);
      }
      double pairs = 0;
      for (int j = 0; j < item.length; j++) {
        share[j] += item[j] / (double) (raters * counts.length);
        pairs += item[j] * (item[j] - 1.0);
      }
      agreement += pairs / (raters * (raters - 1.0)) / counts.length;
    }
    double chance = 0;
    for (double p : share) {
      chance += p * p;
    }
    return chance == 1 ? 1 : (agreement - chance) / (1 - chance);
  }

  private static int sum(int[] row) {
    int total = 0;
    for (int value : row) {
      total += value;
    }
    return total;
  }
}
