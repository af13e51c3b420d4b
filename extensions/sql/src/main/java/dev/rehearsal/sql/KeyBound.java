package dev.rehearsal.sql;

import dev.rehearsal.prefix.Md5Key;
import dev.rehearsal.spec.PrefixSpec;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A key below which a segment's n_h smallest keys almost surely lie, so the engine ranks a small share
 * of the eligible turns instead of sorting them all (the draw's costliest step in the DuckDB profile).
 * Keys are uniform, so the count of N keys below a fraction q of the key range is Binomial(N, q); with
 * q = (n + 10 sqrt(n) + 20) / N the chance that fewer than n fall below is under 1e-20, and the sampler
 * then ranks all of them instead. The bound only prunes: the sample is the same either way.
 */
final class KeyBound {

  private KeyBound() {}

  static Map<String, String> of(Map<String, Integer> allocation, SqlSampler.Counts counts, PrefixSpec spec) {
    Map<String, String> out = new LinkedHashMap<>();
    long all = counts.population().values().stream().mapToLong(Long::longValue).sum();
    allocation.forEach((segment, n) -> {
      long size = spec.sample().stratified() ? counts.population().getOrDefault(segment, 0L) : all;
      out.put(segment, hex(Math.min(1.0, (n + 10 * Math.sqrt(n) + 20) / Math.max(1, size))));
    });
    return out;
  }

  /** The 15-hex-digit key at fraction q of the key range. */
  static String hex(double q) {
    long max = (1L << (4 * Md5Key.HEX_DIGITS)) - 1;
    return q >= 1 ? Long.toHexString(max) : String.format(Locale.ROOT, "%015x", (long) Math.floor(q * max));
  }
}
