package dev.rehearsal.prefix;

import java.io.IOException;
import org.apiguardian.api.API;

/**
 * An input file changed while it was read (truncated, appended to, or rewritten): the sample would
 * describe bytes that no longer exist, so the run stops with an infrastructure error instead of
 * deciding on part of a log (issue 12, item 4).
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class InputChangedException extends IOException {
  private static final long serialVersionUID = 1L;

  public InputChangedException(String message) {
    super(message);
  }
}
