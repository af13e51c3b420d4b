package dev.rehearsal.stats;

import dev.rehearsal.stats.internal.Checks;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * Adjusts the p-values of many gates' block tests and decides which gates block.
 *
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public final class Multiplicity {

  private Multiplicity() {}

  /** Adjusted p-values, in the input order; a gate blocks when its adjusted p-value is at most the level. */
  public static double[] adjust(double[] pValues, BlockCorrection correction) {
    for (double p : pValues) {
      Checks.probability("P-value", p);
    }
    int m = pValues.length;
    Integer[] order = IntStream.range(0, m).boxed().sorted(Comparator.comparingDouble(i -> pValues[i])).toArray(Integer[]::new);
    double[] adjusted = new double[m];
    switch (correction) {
      case HOLM -> {
        double running = 0;
        for (int r = 0; r < m; r++) {
          running = Math.max(running, Math.min(1, (m - r) * pValues[order[r]]));
          adjusted[order[r]] = running;
        }
      }
      case BENJAMINI_HOCHBERG -> {
        double running = 1;
        for (int r = m - 1; r >= 0; r--) {
          running = Math.min(running, m * pValues[order[r]] / (r + 1));
          adjusted[order[r]] = running;
        }
      }
      case NONE -> System.arraycopy(pValues, 0, adjusted, 0, m);
    }
    return adjusted;
  }

  /** Which gates block at {@code level} (family-wise for Holm, false-discovery rate for BH). */
  public static boolean[] blocks(double[] pValues, double level, BlockCorrection correction) {
    Checks.openProbability("Level", level);
    double[] adjusted = adjust(pValues, correction);
    boolean[] blocks = new boolean[adjusted.length];
    for (int i = 0; i < adjusted.length; i++) {
      blocks[i] = adjusted[i] <= level;
    }
    return blocks;
  }

  /** Number of gates that block at {@code level}. */
  public static int countBlocks(double[] pValues, double level, BlockCorrection correction) {
    boolean[] blocks = blocks(pValues, level, correction);
    return (int) IntStream.range(0, blocks.length).filter(i -> blocks[i]).count();
  }

  /** The release passes only when every gate passes (intersection-union; no correction needed). */
  public static boolean releasePasses(boolean... gatePasses) {
    for (boolean pass : gatePasses) {
      if (!pass) {
        return false;
      }
    }
    return true;
  }
}
