package dev.rehearsal.stats;

import dev.rehearsal.stats.internal.Checks;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * Decides a "rate below a maximum" gate batch by batch, so a run can stop as soon as the gate is
 * decided. The runtime calls {@link #observe} after each batch and stops sampling for this gate on
 * anything but {@link Decision#CONTINUE}. Not thread-safe: one instance per gate and run.
 *
 * <p>Decisions use a {@link ConfidenceSequence} at level {@code confidence}: PASS when its upper
 * limit falls below the maximum, BREACH when its lower limit rises above it. Both errors together
 * are at most 1 − confidence however often the runtime looks. The default mixing prior is Beta(1,
 * (1 − m)/m), whose mean is the maximum m, so the boundary is tightest near the threshold.
 *
 * <p>Fallback at the cap (the true rate sits at, or very near, the maximum): {@link
 * Fallback#BLOCK} (default) treats the gate as not shown below the maximum, which keeps the error
 * guarantee; {@link Fallback#FIXED_SAMPLE} decides with the fixed-sample one-sided Clopper–Pearson
 * bound at the final size, which adds up to 1 − confidence of false-pass risk on top.
 *
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public final class SequentialGate {

  /** What the runtime should do after a batch. */
  @API(status = Status.EXPERIMENTAL, since = "0.1")
  public enum Decision { CONTINUE, PASS, BREACH, CAP_REACHED }

  /** How an undecided gate is decided when the sample cap is reached. */
  @API(status = Status.EXPERIMENTAL, since = "0.1")
  public enum Fallback { BLOCK, FIXED_SAMPLE }

  private final double maximumRate;
  private final double confidence;
  private final int sampleCap;
  private final ConfidenceSequence sequence;
  private int events;
  private int trials;
  private double lower = 0;
  private double upper = 1;
  private Decision decision = Decision.CONTINUE;

  private SequentialGate(double maximumRate, double confidence, int sampleCap, ConfidenceSequence sequence) {
    this.maximumRate = maximumRate;
    this.confidence = confidence;
    this.sampleCap = sampleCap;
    this.sequence = sequence;
  }

  /** A gate "rate &lt; maximumRate" at {@code confidence} that stops at {@code sampleCap} trials. */
  public static SequentialGate of(double maximumRate, double confidence, int sampleCap) {
    Checks.openProbability("Maximum rate", maximumRate);
    return of(maximumRate, confidence, sampleCap, ConfidenceSequence.of(1 - confidence, 1, (1 - maximumRate) / maximumRate));
  }

  /** As {@link #of(double, double, int)} with an explicit confidence sequence (its own level). */
  public static SequentialGate of(double maximumRate, double confidence, int sampleCap, ConfidenceSequence sequence) {
    Checks.openProbability("Maximum rate", maximumRate);
    Checks.confidence(confidence);
    if (sampleCap <= 0) {
      throw new IllegalArgumentException("Sample cap is not strictly positive: " + sampleCap);
    }
    return new SequentialGate(maximumRate, confidence, sampleCap, sequence);
  }

  /**
   * Adds one batch ({@code batchEvents} events in {@code batchTrials} new trials) and returns the
   * decision. Once decided, further batches are ignored and the decision is returned again.
   */
  public Decision observe(int batchEvents, int batchTrials) {
    Checks.countsAllowingNone(batchEvents, batchTrials);
    if (decision != Decision.CONTINUE) {
      return decision;
    }
    events += batchEvents;
    trials += batchTrials;
    // Running intersection: still valid because the sequence holds at all times simultaneously.
    upper = Math.min(upper, sequence.upper(events, trials));
    lower = Math.max(lower, sequence.lower(events, trials));
    if (upper < maximumRate) {
      decision = Decision.PASS;
    } else if (lower > maximumRate) {
      decision = Decision.BREACH;
    } else if (trials >= sampleCap) {
      decision = Decision.CAP_REACHED;
    }
    return decision;
  }

  /** The final PASS or BREACH for a gate that reached the cap undecided, under {@code fallback}. */
  public Decision fallback(Fallback fallback) {
    if (decision != Decision.CAP_REACHED) {
      return decision;
    }
    if (fallback == Fallback.BLOCK) {
      return Decision.BREACH;
    }
    return Proportions.upperBound(events, trials, confidence) < maximumRate ? Decision.PASS : Decision.BREACH;
  }

  /** Events observed so far. */
  public int events() {
    return events;
  }

  /** Trials observed so far. */
  public int trials() {
    return trials;
  }

  /** Current anytime-valid lower limit. */
  public double lower() {
    return lower;
  }

  /** Current anytime-valid upper limit. */
  public double upper() {
    return upper;
  }

  /** The gate's maximum rate. */
  public double maximumRate() {
    return maximumRate;
  }
}
