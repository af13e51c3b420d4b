package dev.rehearsal.stats.internal;

import java.util.function.DoubleUnaryOperator;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/** Finds roots of monotone functions by bisection, for interval limits defined by an equation. */
@API(status = Status.INTERNAL, since = "0.1")
public final class RootSupport {

  /** Bisection stops when the bracket is narrower than this absolute width. */
  private static final double ABSOLUTE_TOLERANCE = 1e-14;

  private static final int MAX_ITERATIONS = 200;

  private RootSupport() {}

  /**
   * Returns x in [lo, hi] where {@code f} changes sign, assuming {@code f(lo)} and {@code f(hi)}
   * have opposite signs (or one is zero). When they have the same sign the endpoint whose value is
   * closer to zero is returned, which is the right answer for the clipped limits callers need.
   */
  public static double bisect(DoubleUnaryOperator f, double lo, double hi) {
    double flo = f.applyAsDouble(lo);
    double fhi = f.applyAsDouble(hi);
    if (flo == 0) {
      return lo;
    }
    if (fhi == 0) {
      return hi;
    }
    if (Math.signum(flo) == Math.signum(fhi)) {
      return Math.abs(flo) < Math.abs(fhi) ? lo : hi;
    }
    double a = lo;
    double b = hi;
    for (int i = 0; i < MAX_ITERATIONS && b - a > ABSOLUTE_TOLERANCE * Math.max(1, Math.abs(a)); i++) {
      double mid = 0.5 * (a + b);
      double fm = f.applyAsDouble(mid);
      if (fm == 0) {
        return mid;
      }
      if (Math.signum(fm) == Math.signum(flo)) {
        a = mid;
        flo = fm;
      } else {
        b = mid;
      }
    }
    return 0.5 * (a + b);
  }
}
