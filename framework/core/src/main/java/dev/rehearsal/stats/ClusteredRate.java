package dev.rehearsal.stats;

import dev.rehearsal.stats.internal.Checks;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;

/**
 * A rate over sampled turns when several turns come from one conversation: turns of a conversation
 * are correlated, so the binomial variance understates the uncertainty.
 *
 * <p>The estimate is the ratio Σ events / Σ turns; its variance is the cluster-robust (sandwich)
 * variance G/(G−1) · Σ_g (y_g − p̂ m_g)² / M² over G conversations (Cameron and Miller 2015, J Hum
 * Resour 50:317-372, section II.C; the ratio-estimator form of Kish 1965, section 6.3). The effective
 * sample size is p̂(1−p̂)/Var(p̂), capped at the number of turns; the interval is Clopper–Pearson at
 * the effective size (Korn and Graubard 1998).
 *
 * @param rate Σ events / Σ turns
 * @param standardError cluster-robust standard error
 * @param designEffect Var_clustered / Var_binomial (1 when p̂ ∈ {0, 1})
 * @param effectiveSampleSize turns / design effect
 * @param interval two-sided Clopper–Pearson interval at the effective size
 * @since 0.1
 */
@API(status = Status.EXPERIMENTAL, since = "0.1")
public record ClusteredRate(
    double rate, double standardError, double designEffect, double effectiveSampleSize, RateInterval interval) {

  /** Computes the clustered rate from per-conversation event and sampled-turn counts. */
  public static ClusteredRate of(int[] eventsPerConversation, int[] turnsPerConversation, double confidence) {
    Checks.confidence(confidence);
    int g = eventsPerConversation.length;
    if (g != turnsPerConversation.length || g < 2) {
      throw new IllegalArgumentException("Conversation counts are not two arrays of equal length at least 2: "
          + g + " and " + turnsPerConversation.length);
    }
    long events = 0;
    long turns = 0;
    for (int i = 0; i < g; i++) {
      Checks.counts(eventsPerConversation[i], turnsPerConversation[i]);
      events += eventsPerConversation[i];
      turns += turnsPerConversation[i];
    }
    double rate = (double) events / turns;
    double sum = 0;
    for (int i = 0; i < g; i++) {
      double residual = eventsPerConversation[i] - rate * turnsPerConversation[i];
      sum += residual * residual;
    }
    double variance = g / (g - 1.0) * sum / ((double) turns * turns);
    double binomial = rate * (1 - rate) / turns;
    double designEffect = binomial > 0 ? Math.max(1e-9, variance / binomial) : 1;
    double effective = Math.min(turns, turns / designEffect);
    double[] limits = PostStratification.kornGraubard(rate, effective, (1 - confidence) / 2);
    return new ClusteredRate(rate, Math.sqrt(variance), designEffect, effective,
        new RateInterval(limits[0], limits[1], IntervalMethod.CLOPPER_PEARSON, confidence));
  }
}
