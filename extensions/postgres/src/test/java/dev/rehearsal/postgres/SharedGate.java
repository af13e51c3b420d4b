package dev.rehearsal.postgres;

import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import dev.rehearsal.run.RunOptions;
import dev.rehearsal.run.store.StoreLocation;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.SpecContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A gate of {@value #PROMPTS} logged prompts whose candidate is a loopback model, run against a store
 * URL; as a child JVM ({@link #main}) for the kill -9 test. User and password of the store come from
 * the environment, as in a real gate run. No retries and a long timeout: a request the test holds at
 * the server must not come back as a retry (a duplicate the store could not prevent).
 */
final class SharedGate {

  static final int PROMPTS = 200;

  private SharedGate() {}

  /** Arguments: project folder (gate written there), model base URL, store URL. */
  public static void main(String[] args) throws IOException {
    GateRun run = run(Path.of(args[0]), args[1], args[2]);
    System.out.println("done " + run.candidate().responses().size());
  }

  static void write(Path project) throws IOException {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < PROMPTS; i++) {
      log.append("{\"id\":\"c").append(i).append("\",\"messages\":[{\"role\":\"user\",\"content\":\"help me ")
          .append(i).append("\"},{\"role\":\"assistant\",\"content\":\"Done.\"}]}\n");
    }
    Files.writeString(project.resolve("log.jsonl"), log);
    Files.writeString(project.resolve("shared.gate.yaml"), """
        gate: shared
        promise: Helps.
        owner: support
        prefixes:
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: %d, seed: 1 }
        arms:
          production: { replay: logged }
          candidate: { model: candidate }
        models:
          candidate: { client: openai, base-url: "${CANDIDATE_URL}", model: test-model, temperature: 0, concurrency: 4,
                       timeout: 600s, retries: 0 }
        graders:
          refusal: { type: refusal }
        categories:
          - { id: over-refusal, grader: refusal, owner: product }
        thresholds:
          - { categories: over-refusal, max-rate: 60%%, on-breach: hold }
        """.formatted(PROMPTS));
  }

  static GateRun run(Path project, String modelUrl, String storeUrl) throws IOException {
    GateSpec spec = new GateSpecLoader(new SpecContext(project, project,
        name -> Optional.ofNullable(Map.of("CANDIDATE_URL", modelUrl).get(name))))
        .load(project.resolve("shared.gate.yaml"));
    RunOptions options = new RunOptions(false, new PrintStream(OutputStream.nullOutputStream()),
        Duration.ofSeconds(30), Optional.of(StoreLocation.jdbc(storeUrl)));
    return new GateRunner(options).run(spec);
  }
}
