package dev.rehearsal.run;

import dev.rehearsal.conversation.Role;
import dev.rehearsal.conversation.ToolCall;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelClientProvider;
import dev.rehearsal.model.ModelConfig;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test model {@code tool-script}: calls tools the way a tool-using assistant would on the
 * {@code openai-tools.jsonl} fixture. {@code script: assistant} (default) answers from the last tool
 * result, else calls {@code get_weather} for Lisbon (arguments spaced differently from the log, so
 * only canonical comparison matches), {@code get_weather} for tomorrow (never logged), or
 * {@code calculator} for miles; other turns get a plain answer. {@code script: looping} always calls
 * the logged Lisbon weather tool. {@code script: simulator} writes a tool result. Records every request.
 */
public final class ToolScriptModelProvider implements ModelClientProvider {

  static final List<ModelRequest> REQUESTS = new CopyOnWriteArrayList<>();
  static final String SIMULATED = "{\"temp_c\":18,\"sky\":\"rain\"}";

  @Override
  public String id() {
    return "tool-script";
  }

  @Override
  public Set<String> settingKeys() {
    return Set.of("script");
  }

  @Override
  public ModelClient create(ModelConfig config) {
    String mode = String.valueOf(config.settings().getOrDefault("script", "assistant"));
    return new ModelClient() {
      @Override
      public CompletableFuture<ModelReply> complete(ModelRequest request) {
        REQUESTS.add(request);
        return CompletableFuture.completedFuture(reply(mode, request));
      }

      @Override
      public String modelId() {
        return "tool-script-" + mode;
      }
    };
  }

  private static ModelReply reply(String mode, ModelRequest request) {
    Turn last = request.messages().get(request.messages().size() - 1);
    if (mode.equals("simulator")) {
      return ModelReply.text(SIMULATED);
    }
    if (mode.equals("looping")) {
      return call("get_weather", "{ \"city\" : \"Lisbon\" }");
    }
    if (last.role() == Role.TOOL) {
      return ModelReply.text("Answer from tool: " + last.text());
    }
    if (last.text().contains("tomorrow")) {
      return call("get_weather", "{\"city\":\"Lisbon\",\"day\":\"tomorrow\"}");
    }
    if (last.text().contains("Lisbon")) {
      return call("get_weather", "{ \"city\" : \"Lisbon\" }");
    }
    if (last.text().contains("miles")) {
      return call("calculator", "{\"expression\":\"10*1.609\"}");
    }
    return ModelReply.text("Plain answer.");
  }

  private static ModelReply call(String name, String args) {
    return new ModelReply("", List.of(new ToolCall("call_" + name, name, args)), "tool_calls", 0, 0, Duration.ZERO);
  }
}
