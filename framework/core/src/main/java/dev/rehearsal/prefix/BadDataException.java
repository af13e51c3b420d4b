package dev.rehearsal.prefix;

import org.apiguardian.api.API;

/**
 * A log record that cannot be read under {@code bad-records: {policy: fail}}, or a source that cannot
 * be read at all; the message names the file and line (or query row) and the fix.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BadDataException extends java.io.IOException {
  private static final long serialVersionUID = 1L;

  public BadDataException(String message) {
    super(message);
  }
}
