package dev.rehearsal.run.review;

import dev.rehearsal.prefix.PrefixSampler;
import dev.rehearsal.run.ReviewerAgreement;
import dev.rehearsal.run.store.LabelRow;
import dev.rehearsal.run.store.LabelTable;
import dev.rehearsal.run.store.RunStore;
import dev.rehearsal.spec.CategorySpec;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.SpecContext;
import dev.rehearsal.spec.SpecException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The human review loop of a gate, one command with three subcommands (docs/review-and-correction.md):
 * <pre>
 * ReviewMain export    &lt;gate file&gt; &lt;results.jsonl&gt; &lt;out dir&gt; [--per-arm 200] [--seed 1] [--oversample-positives 0.5] [--category ID]... [--store FILE]
 * ReviewMain import    &lt;gate file&gt; &lt;labels: .jsonl | .csv | Label Studio .json&gt; [--reviewer NAME] [--store FILE]
 * ReviewMain agreement &lt;gate file&gt; [--store FILE]
 * </pre>
 * The store defaults to {@code <project root>/.rehearsal/store.db}, the gate engine's default, so the
 * next gate run finds the labels. Exit codes: 0 done, 1 some label lines were bad (the rest were
 * imported), 2 usage or input error.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReviewMain {

  static final String USAGE = """
      usage: ReviewMain export <gate file> <results.jsonl> <out dir> [--per-arm N] [--seed N] [--oversample-positives SHARE] [--category ID]... [--store FILE]
             ReviewMain import <gate file> <labels .jsonl|.csv|.json> [--reviewer NAME] [--store FILE]
             ReviewMain agreement <gate file> [--store FILE]""";

  private ReviewMain() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("rehearsal.project-root", "")).toAbsolutePath().normalize();
    System.exit(run(root, args, System.out, System.err));
  }

  /** Runs and returns the exit code. */
  public static int run(Path root, String[] args, PrintStream out, PrintStream err) throws IOException {
    ReviewArgs a;
    try {
      a = ReviewArgs.parse(args, root);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    try {
      GateSpec spec = new GateSpecLoader(SpecContext.of(root, root.resolve("../shared/data"))).load(a.gate());
      try (RunStore store = RunStore.open(a.store())) {
        LabelTable table = new LabelTable(store);
        return switch (a.command()) {
          case "export" -> export(spec, a, table, out);
          case "import" -> importLabels(spec, a, table, out, err);
          default -> agreement(spec, table, out);
        };
      }
    } catch (IllegalArgumentException | SpecException e) {
      err.println(e.getMessage());
      return 2;
    }
  }

  private static int export(GateSpec spec, ReviewArgs a, LabelTable table, PrintStream out) throws IOException {
    List<ResultLine> lines = ResultLine.read(a.files().get(0));
    var prefixes = new PrefixSampler(spec.prefixes()).sample().prefixes();
    ReviewExport.export(spec, lines, prefixes, a.options(), table, a.files().get(1)).forEach(out::println);
    out.println("wrote " + ReviewFiles.JSONL + ", " + ReviewFiles.CSV + ", " + ReviewFiles.LABEL_STUDIO + " and "
        + ReviewFiles.LABEL_STUDIO_CONFIG + " to " + a.files().get(1) + " (arms blinded; key in " + a.store() + ")");
    return 0;
  }

  private static int importLabels(GateSpec spec, ReviewArgs a, LabelTable table, PrintStream out, PrintStream err)
      throws IOException {
    LabelImport.Outcome o = LabelImport.run(a.files().get(0), spec.id(), a.reviewer(), table);
    o.errors().forEach(err::println);
    out.println("imported " + o.imported() + " labels into " + a.store() + "; " + o.unlabelled() + " items left"
        + " unlabelled; " + o.errors().size() + " bad lines");
    agreement(spec, table, out);
    return o.errors().isEmpty() ? 0 : 1;
  }

  private static int agreement(GateSpec spec, LabelTable table, PrintStream out) {
    List<LabelRow> labels = table.labels(spec.id());
    for (CategorySpec c : spec.categories()) {
      List<LabelRow> mine = labels.stream().filter(l -> l.category().equals(c.id())).toList();
      Optional<ReviewerAgreement> agreement = ReviewerAgreement.of(mine);
      out.println(c.id() + ": " + mine.size() + " labels (candidate " + count(mine, "candidate") + ", production "
          + count(mine, "production") + "); agreement: " + agreement.map(r -> r.describe()
              + (r.disagreement() ? " - REVIEWER DISAGREEMENT (below " + ReviewerAgreement.MIN_KAPPA + ")" : ""))
              .orElse("no item has two reviewers"));
    }
    return 0;
  }

  private static long count(List<LabelRow> labels, String arm) {
    return labels.stream().filter(l -> l.arm().equals(arm)).count();
  }
}
