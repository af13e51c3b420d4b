package dev.rehearsal.model.runtime;

import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.ModelException.Kind;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Classifies failed HTTP exchanges with model endpoints the same way for every adapter. Messages
 * name the status, the reason and the endpoint path; never headers and never response bodies
 * (they may contain model text or echo credentials).
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HttpFailures {

  private HttpFailures() {}

  /** The exception for a non-2xx status; {@code retryAfter} is what the server asked for. */
  public static ModelException forStatus(
      int status, Optional<Duration> retryAfter, String endpoint, String authHint) {
    String head = "HTTP " + status + " from " + endpoint;
    if (status == 429 || status == 503) {
      String text = head + (status == 429 ? " (rate limited)" : " (service unavailable)");
      return retryAfter.map(d -> new ModelException(text + "; server asked to retry after "
              + d.toMillis() + " ms", d))
          .orElseGet(() -> new ModelException(Kind.RETRYABLE, text));
    }
    if (status >= 500 || status == 408 || status == 409) {
      return new ModelException(Kind.RETRYABLE, head + " (server error; retried with backoff)");
    }
    if (status == 401 || status == 403) {
      return new ModelException(Kind.FATAL, head + " (not authorized); " + authHint);
    }
    if (status == 404) {
      return new ModelException(Kind.FATAL, head
          + " (not found); check base-url and model in the spec");
    }
    return new ModelException(Kind.FATAL, head
        + " (request rejected); check the model entry's parameters in the spec");
  }

  /** A transport failure (reset, refused, timeout) of {@code endpoint}. */
  public static ModelException forTransport(Throwable failure, String endpoint, Duration timeout) {
    String kind = failure.getClass().getSimpleName();
    if (kind.contains("Timeout")) {
      return new ModelException(Kind.RETRYABLE, "Timed out after " + timeout.toMillis()
          + " ms waiting for " + endpoint + "; raise 'timeout' in the spec if the model is slow",
          failure);
    }
    String detail = failure.getMessage() == null ? "" : ": " + shorten(failure.getMessage());
    return new ModelException(Kind.RETRYABLE,
        "Connection failure (" + kind + detail + ") talking to " + endpoint, failure);
  }

  /** A reply that could not be understood; {@code reason} must not quote the body. */
  public static ModelException malformed(String reason, String endpoint) {
    return new ModelException(Kind.MALFORMED, "Malformed reply from " + endpoint + ": " + reason);
  }

  /**
   * Reads the wait a server asked for: {@code retry-after-ms} (OpenAI), else {@code Retry-After}
   * in seconds or as an HTTP date.
   */
  public static Optional<Duration> retryAfter(
      Optional<String> retryAfterMs, Optional<String> retryAfter) {
    try {
      if (retryAfterMs.isPresent()) {
        return Optional.of(Duration.ofMillis(Math.max(0, Math.round(
            Double.parseDouble(retryAfterMs.get().trim())))));
      }
      if (retryAfter.isPresent()) {
        String value = retryAfter.get().trim();
        if (value.matches("\\d+(\\.\\d+)?")) {
          return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000)));
        }
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static String shorten(String text) {
    return text.length() <= 120 ? text : text.substring(0, 120) + "...";
  }
}
