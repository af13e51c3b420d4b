package dev.rehearsal.forecast;

import org.apiguardian.api.API;

/**
 * Thrown when a validation's measurement differs from the one its forecasts were recorded with:
 * scoring would compare rates of two different things.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MeasurementChangedException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final String grader;

  public MeasurementChangedException(String grader, String message) {
    super(message);
    this.grader = grader;
  }

  /** The grader id whose measurement changed (or the category id when a category is missing). */
  public String grader() {
    return grader;
  }
}
