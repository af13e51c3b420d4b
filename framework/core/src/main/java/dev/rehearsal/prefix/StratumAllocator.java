package dev.rehearsal.prefix;

import dev.rehearsal.spec.SampleSpec.Allocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a sample size n over segments (strata) of sizes N_h: proportional (n_h ∝ N_h), equal, or
 * Neyman (n_h ∝ N_h S_h, which minimises the variance of the stratified estimate of the overall rate,
 * Neyman 1934; Cochran, Sampling Techniques, 3rd ed., §5.5). Every n_h lies between
 * min(minimum, N_h) and N_h; the capped remainder is spread over the other strata by the same rule
 * ("water filling"), and rounding keeps the total by largest remainders (Hamilton's method).
 */
final class StratumAllocator {

  private StratumAllocator() {}

  static Map<String, Integer> allocate(Allocation rule, int n, Map<String, Long> sizes, Map<String, Double> sd,
      int minimum) {
    List<String> strata = sizes.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
    Map<String, Integer> out = new LinkedHashMap<>();
    long total = strata.stream().mapToLong(sizes::get).sum();
    if (total <= n) {
      strata.forEach(h -> out.put(h, Math.toIntExact(sizes.get(h))));
      return out;
    }
    double floor = Math.min(minimum, n / (double) strata.size());
    Map<String, Double> x = waterFill(strata, n, h -> weight(rule, h, sizes.get(h), sd),
        h -> Math.min(floor, sizes.get(h)), h -> (double) sizes.get(h));
    return round(strata, n, x, out);
  }

  private static double weight(Allocation rule, String h, long size, Map<String, Double> sd) {
    return switch (rule) {
      case EQUAL -> 1.0;
      case NEYMAN -> size * sd.getOrDefault(h, sd.getOrDefault("default",
          sd.values().stream().mapToDouble(Double::doubleValue).average().orElse(1.0)));
      default -> size;
    };
  }

  private static Map<String, Double> waterFill(List<String> strata, int n, java.util.function.ToDoubleFunction<String> w,
      java.util.function.ToDoubleFunction<String> lo, java.util.function.ToDoubleFunction<String> hi) {
    Map<String, Double> fixed = new LinkedHashMap<>();
    while (true) {
      double remaining = n - fixed.values().stream().mapToDouble(Double::doubleValue).sum();
      List<String> free = strata.stream().filter(h -> !fixed.containsKey(h)).toList();
      double sum = free.stream().mapToDouble(w).sum();
      Map<String, Double> x = new LinkedHashMap<>(fixed);
      boolean changed = false;
      for (String h : free) {
        double v = sum > 0 ? remaining * w.applyAsDouble(h) / sum : remaining / free.size();
        if (v > hi.applyAsDouble(h) || v < lo.applyAsDouble(h)) {
          fixed.put(h, v > hi.applyAsDouble(h) ? hi.applyAsDouble(h) : lo.applyAsDouble(h));
          changed = true;
        }
        x.put(h, v);
      }
      if (!changed) {
        return x;
      }
    }
  }

  private static Map<String, Integer> round(List<String> strata, int n, Map<String, Double> x, Map<String, Integer> out) {
    int given = 0;
    for (String h : strata) {
      out.put(h, (int) Math.floor(x.get(h) + 1e-9));
      given += out.get(h);
    }
    List<String> byRemainder = new ArrayList<>(strata);
    byRemainder.sort(Comparator.comparingDouble((String h) -> out.get(h) - x.get(h)));
    for (int i = 0; given < n && i < byRemainder.size(); i++, given++) {
      out.merge(byRemainder.get(i), 1, Integer::sum);
    }
    return out;
  }
}
