package dev.rehearsal.run;

import dev.rehearsal.gate.PostStratifiedRate;
import dev.rehearsal.gate.RateEstimate;
import dev.rehearsal.stats.DeploymentRisk;
import dev.rehearsal.stats.StratifiedEstimate;
import dev.rehearsal.stats.Stratum;
import org.apiguardian.api.API;

/**
 * Deployment-scale risk of a category's candidate rate at the gate's declared traffic: expected
 * incidents per day with a 95% interval, and the chance of at least one a day, 1 − (1 − p)^T, which
 * treats the day's T eligible turns as independent.
 *
 * @param conversationsPerDay the gate's {@code traffic.conversations-per-day}
 * @param turnsPerConversation eligible user turns per logged conversation in the sampled log
 * @param turnsPerDay conversationsPerDay × turnsPerConversation: the per-turn rate's exposure
 * @param expectedPerDay T × rate
 * @param expectedLower T × the interval's lower limit
 * @param expectedUpper T × the interval's upper limit
 * @param atLeastOne P(at least one incident a day) at the rate
 * @param atLeastOneLower the same at the lower limit
 * @param atLeastOneUpper the same at the upper limit
 * @param detectionFloor smallest rate a zero-event sample of this size rules out at 95% (one-sided)
 * @param basis which rate and interval the figures use, in words
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TrafficRisk(double conversationsPerDay, double turnsPerConversation, double turnsPerDay,
    double expectedPerDay, double expectedLower, double expectedUpper, double atLeastOne, double atLeastOneLower,
    double atLeastOneUpper, double detectionFloor, String basis) {

  /**
   * A uniform sample: {@link DeploymentRisk} on k/n, with the Jeffreys forecast mean (k+½)/(n+1) so
   * zero events do not promise zero incidents, and the 95% Jeffreys interval.
   */
  static TrafficRisk uniform(double perDay, double turnsPerConversation, RateEstimate e) {
    double turns = perDay * turnsPerConversation;
    DeploymentRisk r = DeploymentRisk.of(e.k(), e.n(), turns);
    return new TrafficRisk(perDay, turnsPerConversation, turns, r.expectedPerDay(), r.expectedLower(), r.expectedUpper(),
        r.probabilityAtLeastOne(), r.probabilityAtLeastOneLower(), r.probabilityAtLeastOneUpper(), r.detectionFloor(),
        "Jeffreys mean (k+1/2)/(n+1) of " + e.k() + "/" + e.n() + ", 95% Jeffreys interval");
  }

  /**
   * A stratified sample: the post-stratified rate and its 95% Fay–Feuer interval. The detection
   * floor is 1 − 0.05^(1/n_eff) at Kish's (1965) effective size n_eff = 1 / Σ W_h² / n_h, because
   * unequal weights make the sample worth fewer equally weighted turns.
   */
  static TrafficRisk stratified(double perDay, double turnsPerConversation, PostStratifiedRate ps) {
    double turns = perDay * turnsPerConversation;
    StratifiedEstimate e = ps.estimate(0.95);
    double total = ps.strata().stream().mapToDouble(Stratum::weight).sum();
    double sum = ps.strata().stream().mapToDouble(s -> Math.pow(s.weight() / total, 2) / s.trials()).sum();
    int effective = Math.max(1, (int) Math.floor(1 / sum));
    return new TrafficRisk(perDay, turnsPerConversation, turns, turns * e.rate(), turns * e.lower(), turns * e.upper(),
        atLeastOne(e.rate(), turns), atLeastOne(e.lower(), turns), atLeastOne(e.upper(), turns),
        DeploymentRisk.detectionFloor(effective, 0.95),
        "post-stratified rate, 95% Fay-Feuer interval; floor at Kish effective n " + effective);
  }

  // 1 − (1 − p)^T, stable for tiny p and large T.
  static double atLeastOne(double rate, double turns) {
    return rate >= 1 ? 1 : -Math.expm1(turns * Math.log1p(-rate));
  }
}
