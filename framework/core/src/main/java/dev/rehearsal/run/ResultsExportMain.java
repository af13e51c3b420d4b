package dev.rehearsal.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.spec.CategorySpec;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.SpecContext;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Exports a filtered view of a gate's {@code results.jsonl} as JSONL or CSV:
 * {@code ResultsExportMain <results.jsonl> [--gate FILE --category ID] [--segment S] [--arm A]
 * [--verdict flagged|clean|error] [--disagree store|labels.jsonl] [--store FILE] [--format jsonl|csv]
 * [--out FILE]}. {@code --category} needs {@code --gate} (it names the grader and label);
 * {@code --disagree store} keeps items whose human label in the run store (imported by
 * {@code ReviewMain import}; {@code --store}, default {@code <project root>/.rehearsal/store.db})
 * differs from the grader's verdict; {@code --disagree FILE} reads the labels from a JSONL of
 * {@code {"sampleId","arm","category","label":0|1}} instead. See docs/results.md.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ResultsExportMain {

  static final String USAGE = "usage: ResultsExportMain <results.jsonl> [--gate FILE --category ID] [--segment S]"
      + " [--arm A] [--verdict flagged|clean|error] [--disagree store|labels.jsonl] [--store FILE] [--format jsonl|csv]"
      + " [--out FILE]";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ResultsExportMain() {}

  public static void main(String[] args) throws IOException {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs and returns the exit code: 0 done, 2 usage or input error. */
  public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    Map<String, String> opts = new HashMap<>();
    if (args.length == 0 || args.length % 2 == 0) {
      err.println(USAGE);
      return 2;
    }
    for (int i = 1; i < args.length; i += 2) {
      if (!List.of("--gate", "--category", "--segment", "--arm", "--verdict", "--disagree", "--store", "--format",
          "--out")
          .contains(args[i])) {
        err.println("Unknown option '" + args[i] + "'. " + USAGE);
        return 2;
      }
      opts.put(args[i].substring(2), args[i + 1]);
    }
    try {
      ResultsFilter filter = filter(opts);
      String format = opts.getOrDefault("format", "jsonl");
      if (!format.equals("jsonl") && !format.equals("csv")) {
        throw new IllegalArgumentException("--format must be jsonl or csv, was '" + format + "'");
      }
      StringBuilder text = new StringBuilder(format.equals("csv") ? CsvCells.header() : "");
      int lineNo = 0;
      int kept = 0;
      for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
        lineNo++;
        JsonNode node = read(line, args[0] + ":" + lineNo);
        if (filter.keep(node)) {
          kept++;
          text.append(format.equals("csv") ? CsvCells.row(node, filter.verdictOf(node)) : line + "\n");
        }
      }
      filter.human().ifPresent(h -> err.println("human labels: " + h.size() + " labelled responses of category '"
          + opts.get("category") + "' from " + h.source()));
      if (opts.containsKey("out")) {
        dev.rehearsal.text.Utf8Files.write(Path.of(opts.get("out")), text.toString());
        err.println("kept " + kept + " of " + lineNo + " items; wrote " + opts.get("out"));
      } else {
        out.print(text);
      }
      return 0;
    } catch (IllegalArgumentException | dev.rehearsal.spec.SpecException e) {
      err.println(e.getMessage());
      return 2;
    }
  }

  private static ResultsFilter filter(Map<String, String> o) throws IOException {
    Optional<String> grader = Optional.empty();
    Optional<String> label = Optional.empty();
    Optional<String> category = Optional.ofNullable(o.get("category"));
    Optional<String> gate = Optional.empty();
    if (category.isPresent()) {
      if (!o.containsKey("gate")) {
        throw new IllegalArgumentException("--category needs --gate <gate file> to know the category's grader and label");
      }
      Path file = Path.of(o.get("gate")).toAbsolutePath().normalize();
      GateSpec spec = new GateSpecLoader(SpecContext.of(file.getParent(), file.getParent())).load(file);
      CategorySpec c = spec.categories().stream().filter(x -> x.id().equals(category.get())).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("No category '" + category.get() + "' in " + file + "; declared: "
              + spec.categories().stream().map(CategorySpec::id).toList()));
      grader = Optional.of(c.grader());
      label = Optional.of(c.label());
      gate = Optional.of(spec.id());
    }
    Optional<String> verdict = Optional.ofNullable(o.get("verdict"));
    if (verdict.isPresent() && !List.of("flagged", "clean", "error").contains(verdict.get())) {
      throw new IllegalArgumentException("--verdict must be flagged, clean or error, was '" + verdict.get() + "'");
    }
    Optional<HumanLabels> human = Optional.empty();
    if (o.containsKey("disagree")) {
      if (category.isEmpty()) {
        throw new IllegalArgumentException("--disagree needs --category (human labels are per category)");
      }
      human = Optional.of(o.get("disagree").equals("store")
          ? HumanLabels.fromStore(store(o), gate.orElseThrow(), category.get())
          : HumanLabels.fromFile(Path.of(o.get("disagree")), category.get()));
    }
    if (o.containsKey("store") && !"store".equals(o.get("disagree"))) {
      throw new IllegalArgumentException("--store is only read with --disagree store (was --disagree "
          + o.getOrDefault("disagree", "<absent>") + ")");
    }
    return new ResultsFilter(grader, label, Optional.ofNullable(o.get("segment")), Optional.ofNullable(o.get("arm")),
        verdict, human);
  }

  // The review command's default, so labels it imported are found without naming the store.
  private static Path store(Map<String, String> o) {
    return o.containsKey("store") ? Path.of(o.get("store"))
        : Path.of(System.getProperty("rehearsal.project-root", "")).toAbsolutePath().resolve(".rehearsal/store.db");
  }

  static JsonNode read(String line, String where) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new IllegalArgumentException(where + ": not a JSON line (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
  }
}
