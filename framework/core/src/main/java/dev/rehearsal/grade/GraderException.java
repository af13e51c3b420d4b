package dev.rehearsal.grade;

import org.apiguardian.api.API;

/**
 * A grader could not reach a verdict on one response. Counted per arm as a grader error; a gate
 * whose grader error share exceeds its health bound fails closed.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GraderException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String reason;

  /**
   * @param reason a short, countable reason without response text ({@code malformed verdict})
   * @param detail what exactly went wrong (may name the attempt count)
   */
  public GraderException(String reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  /** The short reason errors are counted by. */
  public String reason() {
    return reason;
  }
}
