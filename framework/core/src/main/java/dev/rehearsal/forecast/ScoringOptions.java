package dev.rehearsal.forecast;

import org.apiguardian.api.API;

/**
 * How forecasts are scored.
 *
 * @param moveFactor a production rate "moved" when it changed by at least this factor (paper: 1.5)
 * @param confidence the forecast intervals' confidence, for coverage and reports
 * @param calibration the fidelity calibration's shrinkage rule
 * @param maxError the multiplicative error above which a category's scorecard test fails
 * @param scored the method whose error the category tests check
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ScoringOptions(double moveFactor, double confidence, FidelityCalibration calibration, double maxError,
    Method scored) {

  public ScoringOptions {
    if (!(moveFactor > 1)) {
      throw new IllegalArgumentException("Move factor is not above 1: " + moveFactor);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("Confidence is not strictly between 0 and 1: " + confidence);
    }
    if (!(maxError >= 1)) {
      throw new IllegalArgumentException("Maximum multiplicative error is below 1: " + maxError);
    }
  }

  /** Move factor 1.5, 95% intervals, m = 10, error bound 3×, scoring the raw simulation. */
  public static ScoringOptions defaults() {
    return new ScoringOptions(1.5, 0.95, new FidelityCalibration(FidelityCalibration.DEFAULT_MIN_EVENTS), 3.0,
        Method.RAW);
  }
}
