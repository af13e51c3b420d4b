package dev.rehearsal.bench.grade;

/** The same scoring on the development halves, printing every disagreement: for tuning only. */
public final class RefusalGraderDevBenchmark extends RefusalGraderBenchmark {

  @Override
  public String name() {
    return "refusal-grader-dev";
  }

  @Override
  boolean dev() {
    return true;
  }
}
