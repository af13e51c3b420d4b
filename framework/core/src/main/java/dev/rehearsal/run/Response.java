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

  public static Response failed(String sampleId, String reason) {
    return new Response(sampleId, Optional.empty(), Optional.of(reason));
  }
}
