package dev.rehearsal.run;

import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelClientProvider;
import dev.rehearsal.model.ModelConfig;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Test model {@code counting}: records every request and echoes everything it was sent (texts and
 * tool-call arguments), so a value that leaves the machine shows up in the responses.
 */
public final class CountingModelProvider implements ModelClientProvider {

  static final List<ModelRequest> REQUESTS = new CopyOnWriteArrayList<>();

  @Override
  public String id() {
    return "counting";
  }

  @Override
  public Set<String> settingKeys() {
    // The runtime's keys (budget, concurrency, ...), which every provider accepts.
    return dev.rehearsal.model.runtime.RuntimeSettings.KEYS;
  }

  @Override
  public ModelClient create(ModelConfig config) {
    return new ModelClient() {
      @Override
      public CompletableFuture<ModelReply> complete(ModelRequest request) {
        REQUESTS.add(request);
        return CompletableFuture.completedFuture(ModelReply.text("You sent: " + request.messages().stream()
            .map(CountingModelProvider::describe).collect(Collectors.joining(" | "))));
      }

      @Override
      public String modelId() {
        return "counting";
      }
    };
  }

  private static String describe(Turn t) {
    return t.text() + t.toolCalls().stream().map(c -> " " + c.argumentsJson()).collect(Collectors.joining());
  }
}
