package dev.rehearsal.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.gate.CheckResult;
import dev.rehearsal.gate.PostStratifiedRate;
import dev.rehearsal.gate.RateEstimate;
import dev.rehearsal.report.ComparisonPlot;
import dev.rehearsal.report.ComparisonRow;
import dev.rehearsal.report.ForestPlot;
import dev.rehearsal.report.TableRow;
import dev.rehearsal.report.Tables;
import dev.rehearsal.stats.StratifiedEstimate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import dev.rehearsal.text.Utf8Files;
import org.apiguardian.api.API;

/**
 * Writes a gate run's files into {@code dir/<gate id>/}: {@code decision.txt} (the console table),
 * {@code decision.json} (everything the release summary needs: promise, owner, decision, rows,
 * checks, blocking and inconclusive checks with owners, examples, models, stages),
 * {@code segments.csv}, {@code segments.md}, {@code forest-plot.svg} and {@code results.jsonl} (one line
 * per sample × arm, see {@link ResultsJsonl}). Model text appears only in
 * JSON string values and escaped CSV/SVG, which keep it inert.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RunReports {

  /** Version of the decision.json layout; readers reject versions they do not know. */
  public static final int SCHEMA_VERSION = 2;

  private RunReports() {}

  /** Writes the files into {@code dir/<gate id>/} and returns that folder. */
  public static Path write(GateRun run, Path dir) throws IOException {
    Path out = dir.resolve(run.spec().id().replace('/', '_'));
    Files.createDirectories(out);
    List<TableRow> rows = TableRow.of(run);
    text(out.resolve("decision.txt"), DecisionTable.render(run));
    text(out.resolve("segments.csv"), Tables.csv(rows));
    text(out.resolve("segments.md"), Tables.markdown(rows));
    text(out.resolve("forest-plot.svg"), ForestPlot.svg(plotTitle(run), rows));
    text(out.resolve("comparison-plot.svg"), ComparisonPlot.svg(comparisonTitle(run), ComparisonRow.of(run)));
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    text(out.resolve("decision.json"), json.writeValueAsString(tree(json, run)));
    ResultsJsonl.write(run, out.resolve(ResultsJsonl.FILE));
    return out;
  }

  /**
   * Writes a report file with values from the environment masked: the files leave the machine as CI
   * artifacts. Masking the finished text is JSON-safe because a mask is {@code ${NAME}}.
   */
  private static void text(Path file, String content) throws IOException {
    Utf8Files.write(file, dev.rehearsal.spec.Secrets.mask(content));
  }

  /** The forest plot's title. */
  public static String plotTitle(GateRun run) {
    return run.spec().id() + ": flagged rates with 95% intervals, candidate vs production";
  }

  /** The comparison plot's title. */
  public static String comparisonTitle(GateRun run) {
    return run.spec().id() + ": candidate vs production, each comparative rule with its interval and margin";
  }

  /** The run manifest: what was run on what, so a reader can reproduce it. */
  public static ObjectNode manifest(ObjectMapper json, GateRun run) {
    ObjectNode m = json.createObjectNode();
    m.put("gate", run.spec().id()).put("specFile", run.spec().file().toString()).put("specSha256", run.spec().sha256())
        .put("candidate", run.candidate().description()).put("production", run.production().description());
    // Every input file's size and SHA-256, as read and checked unchanged at the end (issue 12, item 4).
    m.set("inputs", json.valueToTree(run.sample().report().inputs()));
    ObjectNode models = m.putObject("models");
    run.spec().models().forEach((name, c) -> models.putObject(name).put("client", c.client())
        .put("model", String.valueOf(c.settings().getOrDefault("model", "-"))));
    ObjectNode graders = m.putObject("graders");
    new TreeMap<>(run.spec().graders()).forEach((id, g) -> graders.put(id, g.type()));
    ObjectNode sample = m.putObject("sample");
    sample.put("size", run.sample().prefixes().size()).put("requested", run.spec().prefixes().sample().size())
        .put("lines", run.sample().report().lines()).put("eligibleTurns", run.sample().report().eligibleTurns());
    sample.set("rejected", json.valueToTree(run.sample().report().rejected()));
    sample.set("population", json.valueToTree(run.sample().population()));
    sample.set("weights", json.valueToTree(run.sample().weights()));
    sample.set("allocation", json.valueToTree(run.sample().allocation()));
    sample.put("source", run.sample().report().file()).put("badRecords", run.sample().report().badRecords())
        .put("duplicates", run.sample().report().duplicates())
        .put("distinctPrefixes", run.sample().report().distinctPrefixes())
        .put("sharedHistory", run.sample().report().sharedHistory())
        .put("treeShaped", run.sample().report().treeShaped())
        .put("dedup", run.spec().prefixes().sample().dedup());
    sample.set("badRecordProblems", json.valueToTree(run.sample().report().problems()));
    ObjectNode deid = sample.putObject("deid");
    deid.put("policy", run.sample().deid().policy()).put("redacted", run.sample().deid().redacted());
    deid.set("counts", json.valueToTree(run.sample().deid().countsByName()));
    m.set("stages", json.valueToTree(run.stages()));
    return m;
  }

  static ObjectNode tree(ObjectMapper json, GateRun run) {
    ObjectNode root = json.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION).put("gate", run.spec().id()).put("promise", run.spec().promise())
        .put("owner", run.spec().owner()).put("specFile", run.spec().file().toString())
        .put("specLine", run.spec().mark().line()).put("specSha256", run.spec().sha256())
        .put("decision", run.decision().action().wireName());
    root.put("candidate", run.candidate().description()).put("production", run.production().description());
    ObjectNode arms = root.putObject("arms");
    arm(arms.putObject("production"), run.production());
    arm(arms.putObject("candidate"), run.candidate());
    root.set("manifest", manifest(json, run));
    root.set("healthProblems", json.valueToTree(run.health().problems()));
    root.put("healthSummary", run.health().summary());
    root.set("reasons", json.valueToTree(run.decision().reasons()));
    root.set("warnings", json.valueToTree(run.warnings()));
    ArrayNode blocking = root.putArray("blocking");
    run.decision().breaches().forEach(c -> check(blocking.addObject(), c, owner(run, c)));
    ArrayNode inconclusive = root.putArray("inconclusive");
    run.decision().inconclusive().forEach(c -> check(inconclusive.addObject(), c, owner(run, c)));
    root.set("rows", json.valueToTree(TableRow.of(run)));
    root.set("comparisons", json.valueToTree(ComparisonRow.of(run)));
    ArrayNode categories = root.putArray("categories");
    for (CategoryResult r : run.categories().values()) {
      category(json, categories.addObject(), run, r);
    }
    return root;
  }

  /** One arm: how it answered, its errors and, for a model arm, how its tool calls were answered. */
  private static void arm(ObjectNode node, ArmResult arm) {
    node.put("description", arm.description()).put("errors", arm.errorCount());
    arm.tools().ifPresent(t -> node.putObject("tools").put("policy", t.policy()).put("replayed", t.replayed())
        .put("simulated", t.simulated()).put("unanswered", t.unanswered()).put("realism", t.realism()));
    arm.cache().ifPresent(c -> node.putObject("cache").put("hits", c.hits()).put("calls", c.calls()));
    node.put("repliesWithoutUsage", arm.usage().withoutUsage()).put("repliesCutShort", arm.usage().cutShort());
  }

  private static void category(ObjectMapper json, ObjectNode c, GateRun run, CategoryResult r) {
    c.put("id", r.category().id()).put("group", r.category().group()).put("owner", r.category().owner())
        .put("severity", r.category().severity().wireName()).put("failureClass", r.category().failureClass())
        .put("specLine", r.category().mark().line());
    ArrayNode segments = c.putArray("segments");
    List<String> segs = new ArrayList<>(run.segments());
    segs.add(GateRun.OVERALL);
    for (String s : segs) {
      ObjectNode seg = segments.addObject().put("segment", s);
      estimate(seg.putObject("candidate"), r.candidate().get(s));
      estimate(seg.putObject("production"), r.production().get(s));
      if (s.equals(GateRun.OVERALL)) {
        overall(seg, r.overall());
      }
    }
    ArrayNode checks = c.putArray("checks");
    r.checks().forEach(check -> check(checks.addObject(), check, r.category().owner()));
    c.set("examples", json.valueToTree(r.examples()));
    // Per segment and arm: a seeded random draw of flagged answers and how many there were.
    ArrayNode sets = c.putArray("exampleSets");
    for (ExampleSet set : r.exampleSets()) {
      ObjectNode n = sets.addObject().put("arm", set.arm()).put("segment", set.segment()).put("flagged", set.flagged())
          .put("answered", set.answered()).put("shown", set.shown().size()).put("text", set.countText());
      n.set("examples", json.valueToTree(set.shown()));
    }
    grading(c.putObject("grading"), r);
  }

  /** The category's grader-error correction (additive: readers ignore unknown fields). */
  private static void grading(ObjectNode g, CategoryResult r) {
    CategoryGrading grading = r.grading();
    g.put("source", grading.source()).put("decidesOn", grading.decidesOn())
        .put("candidateLabels", grading.candidateLabels()).put("productionLabels", grading.productionLabels())
        .put("staleLabels", grading.staleLabels()).put("unchecked", grading.unchecked());
    grading.agreement().ifPresent(a -> g.put("agreement", a));
    grading.candidate().ifPresent(e -> corrected(g.putObject("candidate"), e));
    grading.production().ifPresent(e -> corrected(g.putObject("production"), e));
    ArrayNode warnings = g.putArray("warnings");
    grading.warnings().forEach(warnings::add);
  }

  private static void corrected(ObjectNode n, dev.rehearsal.stats.CorrectedEstimate e) {
    n.put("rate", e.rate()).put("lower", e.lower()).put("upper", e.upper()).put("confidence", e.confidence())
        .put("standardError", e.standardError()).put("samplingError", e.samplingError())
        .put("graderError", e.graderError()).put("method", e.method()).put("labelled", e.labelled())
        .put("text", GradingText.describe(e));
  }

  // Additive fields of the overall row (schema version unchanged: readers ignore unknown fields).
  private static void overall(ObjectNode seg, OverallDetail d) {
    d.postStratified().ifPresent(ps -> {
      ObjectNode n = seg.putObject("candidatePostStratified").put("method", PostStratifiedRate.METHOD)
          .put("defined", ps.defined()).put("k", ps.events()).put("n", ps.trials());
      if (ps.defined()) {
        StratifiedEstimate e = ps.estimate(0.95);
        n.put("rate", e.rate()).put("standardError", e.standardError()).put("effectiveSampleSize", e.effectiveSampleSize())
            .put("low95", e.lower()).put("high95", e.upper()).put("upper95OneSided", ps.upperBound(0.95));
      } else {
        n.putPOJO("emptySegments", ps.emptySegments());
      }
      ArrayNode strata = n.putArray("strata");
      ps.strata().forEach(s -> strata.addObject().put("segment", s.segment()).put("weight", s.weight())
          .put("k", s.events()).put("n", s.trials()));
    });
    d.risk().ifPresent(t -> {
      ObjectNode n = seg.putObject("deploymentRisk").put("conversationsPerDay", t.conversationsPerDay())
          .put("turnsPerConversation", t.turnsPerConversation()).put("turnsPerDay", t.turnsPerDay())
          .put("basis", t.basis());
      n.put("expectedPerDay", t.expectedPerDay()).put("expectedPerDayLow95", t.expectedLower())
          .put("expectedPerDayHigh95", t.expectedUpper()).put("probabilityAtLeastOnePerDay", t.atLeastOne())
          .put("probabilityAtLeastOnePerDayLow95", t.atLeastOneLower())
          .put("probabilityAtLeastOnePerDayHigh95", t.atLeastOneUpper())
          .put("detectionFloor95", t.detectionFloor()).put("text", OverallText.risk(t));
    });
    d.clustered().ifPresent(c -> seg.putObject("candidateClustered").put("conversations", d.conversations())
        .put("rate", c.rate()).put("standardError", c.standardError()).put("designEffect", c.designEffect())
        .put("effectiveSampleSize", c.effectiveSampleSize()).put("low95", c.interval().lower())
        .put("high95", c.interval().upper()).put("method", "conversation-clustered (Kish 1965 design effect)")
        .put("text", OverallText.clustered(c, d.conversations())));
  }

  private static void check(ObjectNode node, CheckResult check, String owner) {
    node.put("category", check.category()).put("segment", check.segment()).put("kind", check.threshold().kind().key())
        .put("threshold", check.threshold().describeLimit()).put("limit", check.threshold().limit())
        .put("outcome", check.outcome().name().toLowerCase(java.util.Locale.ROOT)).put("verdict", check.verdict())
        .put("blocks", check.blocks()).put("breached", check.breached()).put("method", check.method())
        .put("onBreach", check.threshold().onBreach().wireName()).put("owner", owner)
        .put("onInconclusive", check.threshold().evidence().onInconclusive().wireName())
        .put("minSamples", check.threshold().evidence().minSamples()).put("specLine", check.threshold().mark().line())
        .put("observed", check.observed()).put("expected", check.expected());
    if (!Double.isNaN(check.value())) {
      node.put("value", check.value());
    }
  }

  private static String owner(GateRun run, CheckResult c) {
    return run.categories().get(c.category()).category().owner();
  }

  private static void estimate(ObjectNode node, RateEstimate e) {
    node.put("k", e.k()).put("n", e.n());
    if (e.n() > 0) {
      node.put("rate", e.rate()).put("jeffreysLow", e.jeffreys95().lower())
          .put("jeffreysHigh", e.jeffreys95().upper()).put("upper95ClopperPearson", e.upperBound(0.95));
    }
  }
}
