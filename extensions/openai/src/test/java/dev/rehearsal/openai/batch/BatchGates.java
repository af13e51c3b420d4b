package dev.rehearsal.openai.batch;

import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import dev.rehearsal.run.RunOptions;
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

/** A gate whose two arms are models in batch mode on one loopback batch server, and its runs. */
final class BatchGates {

  static final int PREFIXES = 20;

  static final String GATE = """
      gate: batch-gate
      promise: Helps with ordinary requests.
      owner: release-team
      prefixes:
        source: { format: openai-messages, path: log.jsonl }
        sample: { size: %d, seed: 1 }
      arms:
        production: { model: production }
        candidate: { model: candidate }
      models:
        production: { client: openai, base-url: "${BATCH_URL}", model: prod-model, temperature: 0, mode: batch%s }
        candidate: { client: openai, base-url: "${BATCH_URL}", model: cand-model, temperature: 0, mode: batch%s }
      graders:
        refusal: { type: refusal }
      categories:
        - { id: over-refusal, grader: refusal, owner: product }
      health: { max-error-share: %s }
      thresholds:
        - { categories: over-refusal, max-rate: 60%%, on-breach: hold }
      """;

  private BatchGates() {}

  /** Writes the log and the gate into {@code dir}; {@code batch} is extra flow text for both model entries. */
  static Path write(Path dir, int prefixes, String batch, String maxErrorShare) throws IOException {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < prefixes; i++) {
      log.append("{\"id\":\"c").append(i).append("\",\"messages\":[{\"role\":\"user\",\"content\":\"help me with task ")
          .append(i).append("\"},{\"role\":\"assistant\",\"content\":\"Done.\"}]}\n");
    }
    Files.writeString(dir.resolve("log.jsonl"), log);
    Path gate = dir.resolve("batch.gate.yaml");
    Files.writeString(gate, GATE.formatted(prefixes, batch, batch, maxErrorShare));
    return gate;
  }

  static GateSpec load(Path dir, String url) {
    return new GateSpecLoader(new SpecContext(dir, dir, name -> Optional.ofNullable(Map.of("BATCH_URL", url).get(name))))
        .load(dir.resolve("batch.gate.yaml"));
  }

  static GateRun run(Path dir, String url) throws IOException {
    return run(dir, url, new PrintStream(OutputStream.nullOutputStream()));
  }

  static GateRun run(Path dir, String url, PrintStream progress) throws IOException {
    RunOptions options = new RunOptions(Optional.of(dir.resolve(".rehearsal/store.db")), false, progress,
        Duration.ofSeconds(30));
    return new GateRunner(options).run(load(dir, url));
  }
}
