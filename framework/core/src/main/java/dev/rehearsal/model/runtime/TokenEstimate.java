package dev.rehearsal.model.runtime;

import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelRequest;

/**
 * A conservative token count of a request before it is sent, for tokens-per-minute limits: about
 * four characters per token of input (OpenAI's rule of thumb) plus the output allowance.
 */
final class TokenEstimate {

  private static final long DEFAULT_OUTPUT = 256;

  private TokenEstimate() {}

  static long of(ModelRequest request) {
    long chars = 0;
    for (Turn turn : request.messages()) {
      chars += turn.text().length() + 8;
    }
    Object max = request.parameters().get("max-tokens");
    long output = max instanceof Number n ? n.longValue() : DEFAULT_OUTPUT;
    return chars / 4 + output;
  }
}
