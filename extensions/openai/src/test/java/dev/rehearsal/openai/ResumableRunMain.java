package dev.rehearsal.openai;

import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelConfig;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.runtime.ConsoleProgress;
import dev.rehearsal.model.runtime.ResilientModelClient;
import dev.rehearsal.model.runtime.RuntimeSettings;
import dev.rehearsal.run.store.CachingModelClient;
import dev.rehearsal.run.store.RunStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A small run as the pipeline does it: N prefixes through cache, runtime and the OpenAI client,
 * against a store file. Run as a child JVM by the kill -9 test, and in-process for the rerun.
 */
public final class ResumableRunMain {

  private ResumableRunMain() {}

  /** Arguments: base URL, store file, number of prefixes. The key comes from the environment. */
  public static void main(String[] args) {
    int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    Map<String, String> results = run(args[0], Path.of(args[1]), Integer.parseInt(args[2]),
        System::getenv, System.out, concurrency);
    System.out.println("done " + results.size());
  }

  static Map<String, String> run(String baseUrl, Path storeFile, int n,
      Function<String, String> environment, PrintStream out) {
    return run(baseUrl, storeFile, n, environment, out, 4);
  }

  static Map<String, String> run(String baseUrl, Path storeFile, int n,
      Function<String, String> environment, PrintStream out, int concurrency) {
    ModelConfig config = new ModelConfig("candidate", "openai", Map.of("base-url", baseUrl,
        "model", "gpt-test", "temperature", 0), Optional.of(Fixtures.KEY_ENV));
    RuntimeSettings runtime = RuntimeSettings.defaults().withConcurrency(concurrency)
        .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(5));
    try (RunStore store = RunStore.open(storeFile);
        ResilientModelClient resilient = new ResilientModelClient(
            new OpenAiClientProvider(environment).create(config), runtime)) {
      ConsoleProgress progress = ConsoleProgress.start(out, "candidate", n, resilient::stats,
          Duration.ofMillis(200));
      CachingModelClient client = new CachingModelClient(resilient, store.responses(), false);
      List<CompletableFuture<ModelReply>> replies = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        replies.add(client.complete(new ModelRequest(List.of(Turn.user("prefix-" + i)), Map.of(),
            Map.of(), "prefix-" + i + "#0"))
            .exceptionally(e -> {
              out.println("error: " + e.getMessage());
              return ModelReply.text("<error>");
            }));
      }
      Map<String, String> results = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        results.put("prefix-" + i, replies.get(i).join().text());
      }
      progress.close();
      out.println("stats " + resilient.stats() + " cache " + client.stats());
      return results;
    }
  }
}
