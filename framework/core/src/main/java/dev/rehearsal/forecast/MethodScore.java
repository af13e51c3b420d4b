package dev.rehearsal.forecast;

import org.apiguardian.api.API;

/**
 * How well one method forecast one category.
 *
 * @param method the method
 * @param prediction its forecast
 * @param nll plug-in binomial NLL of the realized counts under the point forecast
 * @param regret {@code nll} minus the NLL under the realized rate k/n (the oracle), ≥ 0
 * @param predictiveNll beta-binomial NLL of the realized counts under the forecast distribution
 * @param multiplicativeError max(p̂/p, p/p̂) against the Jeffreys-smoothed realized rate
 * @param covered whether the realized rate k/n lies in the forecast interval
 * @param direction the predicted direction against previous production: −1, 0 (no change) or +1
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record MethodScore(Method method, Prediction prediction, double nll, double regret, double predictiveNll,
    double multiplicativeError, boolean covered, int direction) {}
