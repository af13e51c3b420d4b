package dev.rehearsal.spec;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * The values that came from the environment ({@code ${VAR}} interpolation in spec files, API-key
 * variables read by clients), and {@link #mask} to hide them in text that leaves the process:
 * exception and discovery messages, console lines, decision files, reports, store rows and model
 * replies.
 *
 * <p>The registry is process-wide because the environment is. Values shorter than
 * {@value #MIN_LENGTH} characters are not masked: replacing every {@code 1} or {@code gpt} would
 * destroy the text while protecting nothing (such values are not secrets). A masked value reads
 * {@code ${NAME}}, the variable it came from. The URL-encoded form of a value is masked too, since a
 * value in a base-url path is shown percent-encoded.
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Secrets {

  /** The shortest value that is masked. */
  public static final int MIN_LENGTH = 4;

  private static final Map<String, String> VALUES = new ConcurrentHashMap<>();
  private static volatile List<Map.Entry<String, String>> longestFirst = List.of();

  private Secrets() {}

  /** Remembers {@code value} of environment variable {@code name} as a secret. */
  public static void register(String name, String value) {
    if (value.length() < MIN_LENGTH) {
      return;
    }
    boolean added = VALUES.putIfAbsent(value, "${" + name + "}") == null;
    String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
    added |= !encoded.equals(value) && VALUES.putIfAbsent(encoded, "${" + name + "}") == null;
    if (added) {
      // Longest first, so a value that contains another one is replaced whole.
      longestFirst = VALUES.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue()))
          .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> -e.getKey().length())).toList();
    }
  }

  /** {@code text} with every registered value replaced by the name of its variable. */
  public static String mask(String text) {
    String out = text;
    for (Map.Entry<String, String> e : longestFirst) {
      if (out.contains(e.getKey())) {
        out = out.replace(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /** Whether {@code text} contains a registered value. */
  public static boolean exposes(String text) {
    return !mask(text).equals(text);
  }

  /**
   * {@code error} itself when no message in its cause chain holds a secret; otherwise a
   * {@link MaskedException} whose message is the masked chain, keeping the stack trace.
   */
  public static Throwable scrub(Throwable error) {
    StringBuilder chain = new StringBuilder();
    boolean exposed = false;
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = String.valueOf(t.getMessage());
      exposed |= exposes(message);
      chain.append(chain.length() == 0 ? "" : "; caused by ").append(t.getClass().getName()).append(": ").append(message);
    }
    if (!exposed) {
      return error;
    }
    MaskedException masked = new MaskedException(mask(chain.toString()));
    masked.setStackTrace(error.getStackTrace());
    return masked;
  }

  /** {@link #scrub} for unchecked exceptions, so callers can {@code throw Secrets.scrubbed(e)}. */
  public static RuntimeException scrubbed(RuntimeException error) {
    return scrub(error) instanceof RuntimeException masked ? masked : error;
  }

  /** An error whose original message held a secret; the message is masked and the cause dropped. */
  @API(status = API.Status.INTERNAL, since = "0.1")
  public static final class MaskedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MaskedException(String message) {
      super(message);
    }
  }
}
