package dev.rehearsal.run;

import dev.rehearsal.grade.Grader;
import dev.rehearsal.grade.Verdict;
import dev.rehearsal.prefix.Prefix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * Runs the rule graders (synchronous, deterministic and thread-safe, as {@link Grader} requires) on
 * every core: the profile of a replay gate spent nearly half its time in them on one thread. Each
 * result lands at its prefix's index, so the run's verdicts do not depend on the thread schedule.
 */
final class RuleGrading {

  private RuleGrading() {}

  /**
   * {@code [grader][prefix]}: each rule grader's outcome on each prefix's response (a completed or
   * failed future, as {@link Grader#gradeAsync} gives it); {@code null} where the arm has no text.
   */
  static List<List<CompletableFuture<Verdict>>> grade(List<Grader> graders, List<Prefix> prefixes, ArmResult arm) {
    // Fixed-size lists written at distinct indices only; the stream's end publishes every write.
    List<List<CompletableFuture<Verdict>>> out = new ArrayList<>();
    graders.forEach(g -> out.add(new ArrayList<>(Collections.nCopies(prefixes.size(), null))));
    if (graders.isEmpty()) {
      return out;
    }
    IntStream.range(0, prefixes.size()).parallel().forEach(i -> {
      Prefix p = prefixes.get(i);
      Response r = arm.responses().get(p.sampleId());
      r.text().ifPresent(t -> {
        for (int g = 0; g < graders.size(); g++) {
          out.get(g).set(i, start(graders.get(g), p, r, t));
        }
      });
    });
    return out;
  }

  /** One grade as the run has always started it: API refusals through their own path. */
  static CompletableFuture<Verdict> start(Grader grader, Prefix p, Response r, String text) {
    return r.refusedByApi() ? grader.gradeRefusedByApi(p.turns(), text) : grader.gradeAsync(p.turns(), text);
  }
}
