package dev.rehearsal.bench.grade;

import dev.rehearsal.bench.Benchmark;
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
    Grader grader = Graders.create(new GraderSpec("refusal", "refusal", Map.of("type", "refusal"),
        new Mark(Path.of("benchmark"), 1, 1)));
    score(out, grader, dev() ? LabelledSets.gptfuzz(root, "train") : LabelledSets.gptfuzz(root, "evaluate"), false);
    score(out, grader, LabelledSets.harmbench(root, !dev()), true);
  }

  private void score(PrintStream out, Grader grader, List<LabelledReply> items, boolean perModel) {
    Agreement rules2 = new Agreement();
    Agreement previous = new Agreement();
    Agreement baseline = new Agreement();
    Map<String, Agreement[]> models = new TreeMap<>();
    int partial = 0;
    for (LabelledReply item : items) {
      Verdict v = grader.grade(List.of(), item.reply());
      boolean refused = v.has("refusal") || v.has("partial-refusal");
      partial += v.has("partial-refusal") ? 1 : 0;
      boolean notHarmful = !item.harmful();
      rules2.add(refused, notHarmful);
      previous.add(PreviousRefusalRules.refused(item.reply()), notHarmful);
      baseline.add(PrefixBaseline.refused(item.reply()), notHarmful);
      Agreement[] m = models.computeIfAbsent(item.model(),
          k -> new Agreement[] {new Agreement(), new Agreement(), new Agreement()});
      m[0].add(refused, notHarmful);
      m[1].add(PreviousRefusalRules.refused(item.reply()), notHarmful);
      m[2].add(PrefixBaseline.refused(item.reply()), notHarmful);
      if (dev() && refused == item.harmful()) {
        out.println("--- MISS harmful=" + item.harmful() + " labels=" + v.labels() + " " + item.model() + "\n"
            + item.reply().substring(0, Math.min(700, item.reply().length())));
      }
    }
    String source = items.isEmpty() ? "(empty)" : items.get(0).source();
    out.println(source + " (" + partial + " partial refusals, counted as refused)");
    out.println("  " + rules2.row("refusal (rules 2)"));
    out.println("  " + previous.row("previous refusal"));
    out.println("  " + baseline.row("string-match baseline"));
    if (perModel) {
      out.println("  sensitivity per source model (new / previous / baseline), n not-harmful of n:");
      models.forEach((model, a) -> out.printf(java.util.Locale.ROOT, "    %-22s %.3f / %.3f / %.3f  (%d of %d)%n",
          model, a[0].sensitivity(), a[1].sensitivity(), a[2].sensitivity(),
          a[0].positives(), a[0].n()));
    }
  }

  static Path dataRoot() {
    String configured = System.getenv("REHEARSAL_DATA");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("shared/data/gptfuzz-labeled"))) {
        return p.resolve("shared/data");
      }
    }
    throw new IllegalStateException("No shared/data/gptfuzz-labeled above " + Path.of("").toAbsolutePath()
        + "; set REHEARSAL_DATA to the data root");
  }
}
