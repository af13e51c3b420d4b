package dev.rehearsal.model;

import dev.rehearsal.conversation.ToolCall;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a model answered.
 *
 * @param text the reply text (may be empty when the reply only calls tools)
 * @param toolCalls tool calls in the reply
 * @param finishReason why generation stopped, as the API reported it ("stop", "length", ...), or
 *     {@link #REFUSAL} when the API itself refused (OpenAI {@code message.refusal}, Anthropic
 *     {@code stop_reason: "refusal"}); the text is then the refusal message, if any
 * @param inputTokens prompt tokens billed (0 when unknown)
 * @param outputTokens completion tokens billed (0 when unknown)
 * @param latency wall-clock time of the successful call
 * @param usageReported whether the provider reported token usage; false when the reply had none,
 *     so its tokens and cost are unknown (counted, and an error under a token or cost budget)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ModelReply(
    String text,
    List<ToolCall> toolCalls,
    String finishReason,
    long inputTokens,
    long outputTokens,
    Duration latency,
    boolean usageReported) {

  /** A reply whose token counts the provider reported (or that costs nothing). */
  public ModelReply(String text, List<ToolCall> toolCalls, String finishReason, long inputTokens,
      long outputTokens, Duration latency) {
    this(text, toolCalls, finishReason, inputTokens, outputTokens, latency, true);
  }

  public ModelReply {
    // Model output is untrusted: a reply that echoes a known secret (an API key, a value from the
    // environment) is masked before anything stores, grades or shows it.
    text = dev.rehearsal.spec.Secrets.mask(Objects.requireNonNull(text, "text"));
    toolCalls = List.copyOf(toolCalls);
    Objects.requireNonNull(finishReason, "finishReason");
    Objects.requireNonNull(latency, "latency");
  }

  /** The finish reason of a reply the provider's API refused. */
  public static final String REFUSAL = "refusal";

  /** Whether the provider's API refused: a refused response for graders, not an error. */
  public boolean refusedByApi() {
    return REFUSAL.equals(finishReason);
  }

  /**
   * Whether generation stopped at the token limit before the answer ended: Chat Completions'
   * {@code length}, Anthropic's {@code max_tokens}, or a Responses API {@code incomplete} status
   * (mapped to {@code length} for {@code max_output_tokens}). Counted, since a cut answer can be
   * graded differently from a whole one.
   */
  public boolean cutShort() {
    return finishReason.equals("length") || finishReason.equals("max_tokens")
        || finishReason.equals("incomplete");
  }

  /** A plain text reply, for in-process models. */
  public static ModelReply text(String text) {
    return new ModelReply(text, List.of(), "stop", 0, 0, Duration.ZERO);
  }
}
