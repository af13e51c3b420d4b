package dev.rehearsal.model;

import dev.rehearsal.conversation.Turn;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a model is asked: the conversation so far, the tools it may call, and sampling parameters.
 *
 * @param messages the prefix, ending with the user (or tool) turn to answer
 * @param tools tool definitions as JSON schema texts, keyed by tool name
 * @param parameters sampling parameters (temperature, max-tokens, seed, stop, top-p) as given in
 *     the spec
 * @param sampleKey identifies the sample (prefix id and repetition) so that temperature > 0 samples
 *     are distinct yet reproducible
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ModelRequest(
    List<Turn> messages, Map<String, String> tools, Map<String, Object> parameters, String sampleKey) {

  public ModelRequest {
    messages = List.copyOf(messages);
    tools = Map.copyOf(tools);
    parameters = Map.copyOf(parameters);
    Objects.requireNonNull(sampleKey, "sampleKey");
  }
}
