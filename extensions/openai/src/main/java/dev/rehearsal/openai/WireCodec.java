package dev.rehearsal.openai;

import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import java.time.Duration;
import java.util.Map;

/** One OpenAI wire format (Chat Completions or Responses): request bytes out, reply in. */
interface WireCodec {

  byte[] encode(String model, ModelRequest request, Map<String, Object> defaults);

  ModelReply decode(byte[] body, Duration latency);

  /** The server's {@code error.code}/{@code error.param} of a rejected request, or "". */
  String errorDetail(byte[] body);

  /** The short {@code error.code} of an error body, or "". */
  String errorCode(byte[] body);
}
