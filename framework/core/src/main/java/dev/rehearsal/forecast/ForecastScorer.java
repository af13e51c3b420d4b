package dev.rehearsal.forecast;

import dev.rehearsal.stats.ForecastScoring;
import java.util.EnumMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Scores each category's forecasts, by every method, against the released model's production counts.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ForecastScorer {

  private final ScoringOptions options;

  public ForecastScorer(ScoringOptions options) {
    this.options = options;
  }

  /** Scores one category. */
  public CategoryScore score(CategoryInputs in) {
    double previous = in.productionY().rate();
    double realized = in.realized().rate();
    Map<Method, Prediction> predictions = new EnumMap<>(Method.class);
    predictions.put(Method.RAW, Prediction.jeffreys(in.simulatedXY(), options.confidence()));
    predictions.put(Method.CALIBRATED, options.calibration().forecast(in.productionY(), in.simulatedXY(),
        in.simulatedYY(), options.confidence()));
    predictions.put(Method.PREVIOUS, Prediction.jeffreys(in.productionY(), options.confidence()));
    in.challenging().ifPresent(c -> predictions.put(Method.CHALLENGING, Prediction.jeffreys(c, options.confidence())));
    Map<Method, MethodScore> scores = new EnumMap<>(Method.class);
    predictions.forEach((m, p) -> scores.put(m, score(m, p, in.realized(), previous)));
    double fidelity = Math.log(in.simulatedYY().rate() / previous);
    double raw = Math.log(in.simulatedXY().rate() / realized);
    return new CategoryScore(in, scores, direction(previous, realized), fidelity, raw - fidelity);
  }

  private MethodScore score(Method method, Prediction p, Counts realized, double previous) {
    int k = realized.k();
    int n = realized.n();
    double rawRate = (double) k / n;
    return new MethodScore(method, p, ForecastScoring.binomialNll(k, n, p.rate()),
        ForecastScoring.nllRegret(k, n, p.rate()), ForecastScoring.predictiveNll(k, n, p.distribution()),
        ForecastScoring.multiplicativeError(p.rate(), realized.rate()), p.covers(rawRate),
        method == Method.PREVIOUS ? 0 : (int) Math.signum(p.rate() - previous));
  }

  /** +1 or −1 when {@code after} differs from {@code before} by at least the move factor, else 0. */
  int direction(double before, double after) {
    return ForecastScoring.multiplicativeError(before, after) >= options.moveFactor()
        ? (int) Math.signum(after - before) : 0;
  }
}
