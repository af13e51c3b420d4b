package dev.rehearsal.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Records how long each pipeline stage of a run took, for the reports' steps. */
final class Stages {

  /** A stage body that may fail to read its input. */
  interface Body<T> {
    T run() throws IOException;
  }

  private final List<StageTiming> timings = new ArrayList<>();

  <T> T time(String name, Body<T> body) throws IOException {
    long start = System.currentTimeMillis();
    T result = body.run();
    timings.add(new StageTiming(name, start, System.currentTimeMillis()));
    return result;
  }

  List<StageTiming> list() {
    return List.copyOf(timings);
  }
}
