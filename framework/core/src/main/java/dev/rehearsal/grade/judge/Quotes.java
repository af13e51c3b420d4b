package dev.rehearsal.grade.judge;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Locates a judge's quote in the response: exactly, else with runs of whitespace treated as equal
 * (judges reflow line breaks). A quote that is not in the response is not evidence.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Quotes {

  private Quotes() {}

  /** The {start, end} of {@code quote} in {@code text}, if it occurs. */
  public static Optional<int[]> find(String text, String quote) {
    String q = quote.strip();
    if (q.isEmpty()) {
      return Optional.empty();
    }
    int at = text.indexOf(q);
    if (at >= 0) {
      return Optional.of(new int[] {at, at + q.length()});
    }
    StringBuilder regex = new StringBuilder();
    for (String token : q.split("\\s+")) {
      regex.append(regex.length() == 0 ? "" : "\\s+").append(Pattern.quote(token));
    }
    Matcher m = Pattern.compile(regex.toString()).matcher(text);
    return m.find() ? Optional.of(new int[] {m.start(), m.end()}) : Optional.empty();
  }
}
