package dev.rehearsal.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.batch.BatchOutcome;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * One line of a batch output or error file: {@code {"custom_id", "response": {"status_code",
 * "body"}, "error": {"code", "message"}}}. A 200 body is decoded like a synchronous reply; any other
 * status, an {@code error} object, or a body that does not decode is that request's counted error.
 */
final class OpenAiBatchLines {

  private OpenAiBatchLines() {}

  static BatchOutcome outcome(ChatCompletionsCodec codec, ObjectMapper json, byte[] file, int offset, int length) {
    JsonNode line;
    try {
      line = json.readTree(file, offset, length);
    } catch (IOException e) {
      throw new ModelException(ModelException.Kind.MALFORMED, "A batch result file has a line that is not JSON");
    }
    String id = line.path("custom_id").asText("");
    JsonNode error = line.path("error");
    if (error.isObject()) {
      return BatchOutcome.failed(id, kind(error.path("code").asText("")) + ": " + clip(error.path("code").asText("")
          + " " + error.path("message").asText("")));
    }
    JsonNode response = line.path("response");
    int status = response.path("status_code").asInt(0);
    if (status != 200) {
      return BatchOutcome.failed(id, "errored: HTTP " + status + " " + clip(response.path("body").path("error")
          .path("code").asText("")));
    }
    try {
      return BatchOutcome.succeeded(id, codec.decode(json.writeValueAsBytes(response.path("body")), Duration.ZERO));
    } catch (ModelException | IOException e) {
      return BatchOutcome.failed(id, "errored: malformed reply in the batch output");
    }
  }

  /** {@code batch_expired} → expired, {@code batch_cancelled} → canceled, anything else → errored. */
  private static String kind(String code) {
    String c = code.toLowerCase(Locale.ROOT);
    return c.contains("expired") ? "expired" : c.contains("cancel") ? "canceled" : "errored";
  }

  /** Provider text in an error reason: bounded, and grouped by the caller. */
  private static String clip(String s) {
    String t = s.strip();
    return t.length() <= 160 ? t : t.substring(0, 160) + "…";
  }
}
