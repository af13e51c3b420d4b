package dev.rehearsal.openai.batch;

import java.nio.file.Path;

/** Runs the batch-judge gate in {@code args[0]} against {@code args[1]}: the child JVM that a test kills. */
public final class BatchJudgeMain {

  private BatchJudgeMain() {}

  public static void main(String[] args) {
    try {
      BatchJudgeTests.run(Path.of(args[0]), args[1], System.out);
      System.out.println("decided");
    } catch (dev.rehearsal.run.BatchPendingException e) {
      System.out.println(e.getMessage());
    }
  }
}
