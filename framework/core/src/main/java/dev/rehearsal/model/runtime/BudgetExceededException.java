package dev.rehearsal.model.runtime;

import org.apiguardian.api.API;

/**
 * A budget cap was reached: the run must stop cleanly and report {@link #getMessage()}, which
 * names the cap and what was spent.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BudgetExceededException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String cap;

  BudgetExceededException(String cap, String message) {
    super(message);
    this.cap = cap;
  }

  /** The spec key of the cap that was reached, e.g. {@code budget.calls}. */
  public String cap() {
    return cap;
  }
}
