package dev.rehearsal.run.store;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One sample × arm of a run as the store keeps it ({@code items} and {@code item_grades}).
 *
 * @param sampleId the prefix's sample id
 * @param arm the arm's name
 * @param source {@code <file>:<line>} or the query row
 * @param segment the sample's segment
 * @param weight its post-stratification weight
 * @param armDescription how the arm answered
 * @param response the response text, when there is one
 * @param responseSha256 its SHA-256 (hex), when there is one
 * @param error the arm's counted error, when it did not answer
 * @param grades each grader's outcome, in spec order
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ItemRow(String sampleId, String arm, String source, String segment, double weight,
    String armDescription, Optional<String> response, Optional<String> responseSha256, Optional<String> error,
    List<Grade> grades) {

  public ItemRow {
    grades = List.copyOf(grades);
  }

  /**
   * One grader's outcome on the item.
   *
   * @param grader the grader id
   * @param fingerprint its fingerprint
   * @param labelsJson the labels as a JSON array
   * @param evidenceJson the evidence as a JSON array of {label, span, start, end}
   * @param error the grading error, when it failed
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public record Grade(String grader, String fingerprint, String labelsJson, String evidenceJson,
      Optional<String> error) {}
}
