package dev.rehearsal.model;

import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

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
  private final @Nullable Duration retryAfter;

  public ModelException(Kind kind, String message) {
    super(message);
    this.kind = kind;
    this.retryAfter = null;
  }

  /**
   * A retryable failure for which the server said how long to wait (HTTP {@code Retry-After}).
   *
   * @since 0.1
   */
  public ModelException(String message, Duration retryAfter) {
    super(message);
    this.kind = Kind.RETRYABLE;
    this.retryAfter = retryAfter;
  }

  public ModelException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.retryAfter = null;
  }

  public Kind kind() {
    return kind;
  }

  /** How long the server asked to wait before retrying, when it said so. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
