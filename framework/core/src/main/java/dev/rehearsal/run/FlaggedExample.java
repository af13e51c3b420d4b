package dev.rehearsal.run;

import org.apiguardian.api.API;

/**
 * A response a category flagged, kept for reports. All text is untrusted: escape it.
 *
 * @param sampleId the prefix's sample id
 * @param segment its segment
 * @param lastUserTurn the user turn it answered (truncated)
 * @param response the response (truncated)
 * @param evidence the span the grader matched
 * @param arm the arm that answered ({@code candidate} or {@code production})
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record FlaggedExample(String sampleId, String segment, String lastUserTurn, String response, String evidence,
    String arm) {

  /** A flagged candidate response. */
  public FlaggedExample(String sampleId, String segment, String lastUserTurn, String response, String evidence) {
    this(sampleId, segment, lastUserTurn, response, evidence, "candidate");
  }
}
