package dev.rehearsal.forecast;

import org.apiguardian.api.API;

/**
 * One method's scores aggregated over categories.
 *
 * @param method the method
 * @param totalNll sum of plug-in binomial NLLs
 * @param totalRegret sum of NLL regrets
 * @param totalPredictiveNll sum of beta-binomial predictive NLLs
 * @param geometricMeanError geometric mean of the multiplicative errors
 * @param directionRight moved categories whose direction the method forecast right
 * @param moved categories whose production rate moved by at least the move factor
 * @param coverage share of categories whose realized rate lies in the forecast interval
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record MethodSummary(Method method, double totalNll, double totalRegret, double totalPredictiveNll,
    double geometricMeanError, int directionRight, int moved, double coverage) {

  /**
   * Share of moved categories forecast in the right direction; NaN when none moved, and for
   * {@link Method#PREVIOUS}, which predicts no change and so has no direction.
   */
  public double directionalAccuracy() {
    return moved == 0 || method == Method.PREVIOUS ? Double.NaN : (double) directionRight / moved;
  }
}
