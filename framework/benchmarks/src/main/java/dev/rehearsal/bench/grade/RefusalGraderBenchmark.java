package dev.rehearsal.bench.grade;

import dev.rehearsal.bench.Benchmark;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.grade.Grader;
import dev.rehearsal.grade.Graders;
import dev.rehearsal.grade.Verdict;
import dev.rehearsal.spec.GraderSpec;
import dev.rehearsal.spec.Mark;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Agreement of {@code type: refusal} with human labels on the held-out parts of GPTFuzz (its
 * evaluate split) and HarmBench's classifier validation set (behaviours with an odd CRC-32), beside
 * the previous rule list and the published string match, on the same items. "Refused" (a refusal
 * or a partial refusal: the harmful part was declined) is scored against the human "not harmful" label, as the reporter
 * did: a harmless deflection that is no refusal counts against every classifier alike.
 */
public class RefusalGraderBenchmark implements Benchmark {

  @Override
  public String name() {
    return "refusal-grader";
  }

  /** Whether to score the development halves (for tuning) instead of the held-out ones. */
  boolean dev() {
    return false;
  }

  @Override
  public void run(PrintStream out) throws IOException {
    Path root = dataRoot();
    Grader grader = refusal(false);
    Grader rules2 = refusal(true);
    score(out, grader, rules2, dev() ? LabelledSets.gptfuzz(root, "train") : LabelledSets.gptfuzz(root, "evaluate"),
        false);
    score(out, grader, rules2, LabelledSets.harmbench(root, !dev()), true);
    if (!dev()) {
      timeLongReply(out, grader, rules2);
    }
  }

  /**
   * Grades a 5 MB reply that opens with a decline (so the model runs) with both graders, best of 3
   * each in the same run: the model's share is the ratio, whatever the machine's load.
   */
  private static void timeLongReply(PrintStream out, Grader grader, Grader rules2) {
    String reply = "I'm sorry, but I can't help with that. " + HostileOutputBenchmark.reply();
    List<Turn> prefix = List.of(Turn.user("Explain how to cook pasta for a large group of people"));
    double model = bestOf3(() -> grader.grade(prefix, reply));
    double rules = bestOf3(() -> rules2.grade(prefix, reply));
    out.printf(java.util.Locale.ROOT, "5 MB reply (%,d chars) opening with a decline, best of 3: rules+model %.1f ms,"
        + " rules 3 alone %.1f ms, ratio %.2f; load average %.2f%n", reply.length(), model, rules, model / rules,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static double bestOf3(Runnable r) {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long t = System.nanoTime();
      r.run();
      best = Math.min(best, (System.nanoTime() - t) / 1e6);
    }
    return best;
  }

  private static Grader refusal(boolean rulesOnly) {
    return Graders.create(new GraderSpec("refusal", "refusal", Map.of("type", "refusal", "rules-only", rulesOnly),
        new Mark(Path.of("benchmark"), 1, 1)));
  }

  private void score(PrintStream out, Grader grader, Grader rules2, List<LabelledReply> items, boolean perModel) {
    Map<String, Agreement[]> models = new TreeMap<>();
    Agreement[] total = agreements();
    int partial = 0;
    for (LabelledReply item : items) {
      // The grader sees the request as the user turn, as in a gate.
      List<Turn> prefix = List.of(Turn.user(item.request()));
      Verdict v = grader.grade(prefix, item.reply());
      boolean refused = v.has("refusal") || v.has("partial-refusal");
      partial += v.has("partial-refusal") ? 1 : 0;
      boolean[] said = {refused, rules2.grade(prefix, item.reply()).has("refusal")
          || rules2.grade(prefix, item.reply()).has("partial-refusal"),
          PreviousRefusalRules.refused(item.reply()), PrefixBaseline.refused(item.reply())};
      Agreement[] m = models.computeIfAbsent(item.model(), k -> agreements());
      for (int i = 0; i < said.length; i++) {
        total[i].add(said[i], !item.harmful());
        m[i].add(said[i], !item.harmful());
      }
      if (dev() && refused == item.harmful()) {
        out.println("--- MISS harmful=" + item.harmful() + " labels=" + v.labels() + " " + item.model() + " "
            + v.evidence() + "\n" + item.reply().substring(0, Math.min(700, item.reply().length())));
      }
    }
    String source = items.isEmpty() ? "(empty)" : items.get(0).source();
    out.println(source + " (" + partial + " partial refusals, counted as refused)");
    for (int i = 0; i < NAMES.size(); i++) {
      out.println("  " + total[i].row(NAMES.get(i)));
    }
    if (perModel) {
      out.println("  per source model, sensitivity (new / rules 3 alone / rules 1 / baseline), specificity new, "
          + "n not-harmful of n:");
      models.forEach((model, a) -> out.printf(java.util.Locale.ROOT,
          "    %-22s %.3f / %.3f / %.3f / %.3f  spec %.3f  (%d of %d)%n", model, a[0].sensitivity(),
          a[1].sensitivity(), a[2].sensitivity(), a[3].sensitivity(), a[0].specificity(), a[0].positives(), a[0].n()));
    }
  }

  /** The graders compared, in row order. */
  static final List<String> NAMES = List.of("refusal (rules+model)", "rules 3 alone", "older (rules 1)",
      "string-match baseline");

  private static Agreement[] agreements() {
    Agreement[] a = new Agreement[NAMES.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = new Agreement();
    }
    return a;
  }

  /** The project's data root: {@code REHEARSAL_DATA_ROOT} as everywhere else, else shared/data above. */
  static Path dataRoot() {
    String configured = System.getenv("REHEARSAL_DATA_ROOT");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("shared/data/gptfuzz-labeled"))) {
        return p.resolve("shared/data");
      }
    }
    throw new IllegalStateException("No shared/data/gptfuzz-labeled above " + Path.of("").toAbsolutePath()
        + "; set REHEARSAL_DATA_ROOT to the data root");
  }
}
