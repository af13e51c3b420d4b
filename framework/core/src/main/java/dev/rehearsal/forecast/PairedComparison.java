package dev.rehearsal.forecast;

import java.util.Arrays;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;
import org.apiguardian.api.API;

/**
 * A paired test of two methods' per-category NLLs: the Wilcoxon signed-rank test of the differences
 * (Wilcoxon 1945; Apache Commons Statistics' {@code WilcoxonSignedRankTest}, exact p-value for small
 * samples, two-sided). Categories are the pairs, as in the paper's comparison across categories.
 *
 * @param method the method compared
 * @param against the method it is compared against
 * @param categories number of paired categories
 * @param meanDifference mean of NLL(method) − NLL(against); negative means {@code method} is better
 * @param statistic the signed-rank statistic W+
 * @param pValue two-sided p-value (NaN when every difference is zero)
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PairedComparison(Method method, Method against, int categories, double meanDifference,
    double statistic, double pValue) {

  /** Compares {@code a} with {@code b}, paired by index. */
  public static PairedComparison of(Method method, Method against, double[] a, double[] b) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i] - b[i];
    }
    double mean = Arrays.stream(d).average().orElse(Double.NaN);
    if (Arrays.stream(d).allMatch(x -> x == 0)) {
      return new PairedComparison(method, against, d.length, mean, 0, Double.NaN);
    }
    WilcoxonSignedRankTest.Result r = WilcoxonSignedRankTest.withDefaults().test(d);
    return new PairedComparison(method, against, d.length, mean, r.getStatistic(), r.getPValue());
  }
}
