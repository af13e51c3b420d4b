package dev.rehearsal.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A plot axis from {@code lo} to {@code hi}, linear or logarithmic. On a log axis values at or below
 * {@code lo} sit on its left edge (a rate of 0 has no logarithm), and ticks fall on 1, 2 and 5 of each
 * decade, so 0.1% and 10% are both readable on one axis.
 *
 * @param lo the left end (positive on a log axis)
 * @param hi the right end
 * @param log whether the axis is logarithmic
 */
record Axis(double lo, double hi, boolean log) {

  Axis {
    if (!(hi > lo) || log && !(lo > 0)) {
      throw new IllegalArgumentException("Axis range is empty or not positive on a log axis: [" + lo + ", " + hi + "]");
    }
  }

  /** A log axis over the positive values given, rounded out to 1-2-5 steps, within [floor, ceiling]. */
  static Axis logOver(List<Double> values, double floor, double ceiling) {
    double min = ceiling;
    double max = floor;
    for (double v : values) {
      if (v > 0 && Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    double lo = Math.max(floor, niceBelow(min * 0.9));
    double hi = Math.min(ceiling, niceAbove(max * 1.1));
    return new Axis(lo, Math.max(hi, lo * 10), true);
  }

  /** The position of {@code v} between {@code left} and {@code left + width}, clamped to the axis. */
  double x(double v, double left, double width) {
    double f = log ? (v <= lo ? 0 : Math.log(v / lo) / Math.log(hi / lo)) : (v - lo) / (hi - lo);
    return left + width * Math.min(1, Math.max(0, f));
  }

  /** Tick values: 1-2-5 steps on a log axis, at most about 8 even steps on a linear one. */
  List<Double> ticks() {
    List<Double> out = new ArrayList<>();
    if (log) {
      for (double d = Math.pow(10, Math.floor(Math.log10(lo))); d <= hi * 1.0001; d *= 10) {
        for (double m : new double[] {1, 2, 5}) {
          double t = d * m;
          if (t >= lo * 0.9999 && t <= hi * 1.0001) {
            out.add(t);
          }
        }
      }
      return out;
    }
    double step = niceAbove((hi - lo) / 8);
    for (double t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step) {
      out.add(Math.abs(t) < step * 1e-9 ? 0 : t);
    }
    return out;
  }

  /** The smallest 1-2-5 step value at or above {@code v > 0}. */
  static double niceAbove(double v) {
    double d = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (d * m >= v * 0.9999) {
        return d * m;
      }
    }
    return 10 * d;
  }

  /** The largest 1-2-5 step value at or below {@code v > 0}. */
  static double niceBelow(double v) {
    double d = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {5, 2, 1}) {
      if (d * m <= v * 1.0001) {
        return d * m;
      }
    }
    return d;
  }
}
