package dev.rehearsal.run;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One arm's answer to one prefix, or the reason it has none.
 *
 * @param sampleId the prefix's sample id
 * @param text the response text (untrusted model output)
 * @param error why there is no response (counted against the arm's error bound)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Response(String sampleId, Optional<String> text, Optional<String> error) {

  public static Response of(String sampleId, String text) {
    return new Response(sampleId, Optional.of(text), Optional.empty());
  }

  public static Response failed(String sampleId, String reason) {
    return new Response(sampleId, Optional.empty(), Optional.of(reason));
  }
}
