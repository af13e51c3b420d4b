package dev.rehearsal.run;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One arm's answer to one prefix, or the reason it has none.
 *
 * @param sampleId the prefix's sample id
 * @param text the response text (untrusted model output)
 * @param error why there is no response (counted against the arm's error bound)
 * @param refusedByApi the provider's API refused (the text is its refusal message, maybe empty):
 *     graders see a refused response, not an error
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Response(String sampleId, Optional<String> text, Optional<String> error, boolean refusedByApi) {

  public Response(String sampleId, Optional<String> text, Optional<String> error) {
    this(sampleId, text, error, false);
  }

  /** A response the provider's API refused, with its refusal message (possibly empty). */
  public static Response refusedByApi(String sampleId, String message) {
    return new Response(sampleId, Optional.of(message), Optional.empty(), true);
  }

  public static Response of(String sampleId, String text) {
    return new Response(sampleId, Optional.of(text), Optional.empty());
  }

  /**
   * The error reason of a model reply with no text and no tool calls (empty, null or whitespace):
   * its own outcome, bounded by {@code health.max-empty-share}, never graded as clean (issue 12
   * item 3).
   */
  public static final String EMPTY_REPLY = "empty reply";

  /** The counted outcome of an empty model reply; {@code finishReason} as the server sent it. */
  public static Response empty(String sampleId, String finishReason) {
    return failed(sampleId, EMPTY_REPLY + ": the model returned no text and no tool call (finish reason '"
        + finishReason + "')");
  }

  /** The counted outcome of a logged reply with no text (empty or whitespace) in replay variant {@code variant}. */
  public static Response emptyLogged(String sampleId, String variant) {
    return failed(sampleId, EMPTY_REPLY + ": the logged reply in variant '" + variant + "' has no text");
  }

  /** Whether {@code reason} is the error of an empty reply. */
  public static boolean isEmptyReply(String reason) {
    return reason.startsWith(EMPTY_REPLY);
  }

  public static Response failed(String sampleId, String reason) {
    return new Response(sampleId, Optional.empty(), Optional.of(reason));
  }
}
