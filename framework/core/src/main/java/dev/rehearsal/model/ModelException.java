package dev.rehearsal.model;

import org.apiguardian.api.API;

/** A failed model call, classified so that the runtime knows whether to retry. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ModelException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Failure classes; each is counted separately in run reports. */
  public enum Kind {
    /** Worth retrying: 429, 5xx, connection reset, timeout. */
    RETRYABLE,
    /** Retrying cannot help: 4xx other than 408/429, bad credentials, unknown model. */
    FATAL,
    /** The provider's content filter refused to answer. */
    CONTENT_FILTERED,
    /** The reply body was malformed, truncated or had no choices. */
    MALFORMED
  }

  private final Kind kind;

  public ModelException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public ModelException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
