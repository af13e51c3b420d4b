package dev.rehearsal.run;

import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The flagged examples a report shows for one category, segment and arm, and how many there were:
 * a seeded random draw, never the first few, so every segment with flagged answers has examples.
 *
 * @param arm the arm's name
 * @param segment the segment
 * @param flagged how many of the arm's answers in the segment the category flagged (k)
 * @param answered how many it graded (n)
 * @param shown the drawn examples, at most the report limit, in sample order
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ExampleSet(String arm, String segment, int flagged, int answered, List<FlaggedExample> shown) {

  public ExampleSet {
    shown = List.copyOf(shown);
  }

  /** "5 of 81 flagged", "0 of 0 flagged". */
  public String countText() {
    return String.format(Locale.ROOT, "%d of %d flagged", shown.size(), flagged);
  }

  /** The heading a report shows: {@code candidate · team: 5 of 81 flagged (of 400 answered)}. */
  public String heading() {
    return arm + " · " + segment + ": " + countText() + " (of " + answered + " answered)";
  }
}
