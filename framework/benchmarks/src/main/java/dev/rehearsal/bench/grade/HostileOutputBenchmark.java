package dev.rehearsal.bench.grade;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.bench.Benchmark;
import dev.rehearsal.grade.Grader;
import dev.rehearsal.grade.Graders;
import dev.rehearsal.report.Escape;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import dev.rehearsal.run.RunReports;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.GraderSpec;
import dev.rehearsal.spec.Mark;
import dev.rehearsal.spec.SpecContext;
import dev.rehearsal.text.Utf8Files;
import java.io.BufferedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grading and reporting a 5 MB reply made of the shapes that used to make graders quadratic (issue
 * 12, item 8), per grader, then a whole gate run (both arms replayed from a generated log) whose
 * replies are 5 MB each.
 */
public final class HostileOutputBenchmark implements Benchmark {

  static final int MB = 1 << 20;

  @Override
  public String name() {
    return "hostile-output";
  }

  /** 5 MB: prose, then 1 MB each of a letter run, dotted letters, digit groups and near-miss e-mails. */
  static String reply() {
    StringBuilder s = new StringBuilder(5 * MB + 64);
    String prose = "Here is a long and ordinary answer about cooking pasta, with no personal data at all. ";
    while (s.length() < MB) {
      s.append(prose);
    }
    for (String unit : List.of("a", "a.", "1 2-", "x@y.")) {
      int end = s.length() + MB;
      while (s.length() < end) {
        s.append(unit);
      }
    }
    return s.toString();
  }

  static List<String> words(int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add("w" + Integer.toString(i * 7919, 36) + "z");
    }
    return out;
  }

  @Override
  public void run(PrintStream out) throws Exception {
    String reply = reply();
    Map<String, Grader> graders = new LinkedHashMap<>();
    Mark mark = new Mark(Path.of("bench"), 1, 1);
    graders.put("pii", Graders.create(new GraderSpec("pii", "pii", Map.of(), mark)));
    graders.put("keywords (60,000 words)", Graders.create(new GraderSpec("kw", "keywords",
        Map.of("words", words(60_000)), mark)));
    graders.put("regex", Graders.create(new GraderSpec("rx", "regex",
        Map.of("patterns", List.of("\\bhow to (?:make|build) a\\b", "\\bkill(?:ing)? (?:him|her|them)\\b")), mark)));
    graders.put("refusal", Graders.create(new GraderSpec("refusal", "refusal", Map.of(), mark)));
    out.printf("reply: %,d characters%n", reply.length());
    for (Map.Entry<String, Grader> g : graders.entrySet()) {
      long best = Long.MAX_VALUE;
      for (int i = 0; i < 3; i++) {
        long t0 = System.nanoTime();
        g.getValue().grade(List.of(), reply);
        best = Math.min(best, System.nanoTime() - t0);
      }
      out.printf("grade %-24s %7.1f ms (best of 3)%n", g.getKey(), best / 1e6);
    }
    Map<String, java.util.function.UnaryOperator<String>> escapes = new LinkedHashMap<>();
    escapes.put("well-formed", Utf8Files::wellFormed);
    escapes.put("markdown escape", Escape::markdown);
    escapes.put("markdown escape, former", HostileOutputBenchmark::formerMarkdown);
    escapes.put("html escape", Escape::html);
    for (Map.Entry<String, java.util.function.UnaryOperator<String>> e : escapes.entrySet()) {
      long best = Long.MAX_VALUE;
      int n = 0;
      for (int i = 0; i < 3; i++) {
        long t0 = System.nanoTime();
        n = e.getValue().apply(reply).length();
        best = Math.min(best, System.nanoTime() - t0);
      }
      out.printf("report %-23s %7.1f ms (best of 3; %,d chars out)%n", e.getKey(), best / 1e6, n);
    }
    out.printf("load average %.1f on %d cores%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
    gateRun(out, reply);
  }

  private static final java.util.regex.Pattern FORMER_AUTOLINK = java.util.regex.Pattern.compile(
      "(?i)(?<=:)(?=//)|(?<=\\bwww)(?=\\.)|(?<=@)");

  /** {@code Escape.markdown} before it lost its look-around regex, for the ratio in one run. */
  static String formerMarkdown(String s) {
    String h = FORMER_AUTOLINK.matcher(Escape.html(s).replace("\r", " ").replace("\n", " "))
        .replaceAll("\u2060");
    StringBuilder out = new StringBuilder(h.length() + 16);
    for (int i = 0; i < h.length(); i++) {
      char ch = h.charAt(i);
      if ("\\`*_{}[]()#+-!|~".indexOf(ch) >= 0) {
        out.append('\\');
      }
      out.append(ch);
    }
    return out.toString();
  }

  private static void gateRun(PrintStream out, String reply) throws Exception {
    Path dir = Files.createTempDirectory("rehearsal-hostile");
    int conversations = 8;
    ObjectMapper json = new ObjectMapper();
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("log.jsonl"), StandardCharsets.UTF_8)) {
      for (int i = 0; i < conversations; i++) {
        ObjectNode r = json.createObjectNode().put("id", "c" + i);
        var m = r.putArray("messages");
        m.addObject().put("role", "user").put("content", "question " + i);
        m.addObject().put("role", "assistant").put("content", reply);
        w.write(json.writeValueAsString(r));
        w.newLine();
      }
    }
    StringBuilder yaml = new StringBuilder("""
        gate: hostile-output
        promise: Survives 5 MB replies.
        owner: bench
        prefixes:
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: %d, seed: 1 }
        arms:
          production: { replay: logged }
          candidate: { replay: logged }
        graders:
          pii: { type: pii }
          refusal: { type: refusal }
          rx: { type: regex, patterns: ["\\\\bhow to (?:make|build) a\\\\b"] }
          kw: { type: keywords, words: [%s] }
        categories:
          - { id: pii, grader: pii, owner: bench }
          - { id: refusal, grader: refusal, owner: bench }
          - { id: rx, grader: rx, owner: bench }
          - { id: kw, grader: kw, owner: bench }
        thresholds:
          - { categories: "*", max-rate: 50%%, on-breach: hold }
        """.formatted(conversations, String.join(", ", words(60_000))));
    Path spec = dir.resolve("hostile.gate.yaml");
    Files.writeString(spec, yaml);
    long t0 = System.nanoTime();
    var gate = new GateSpecLoader(new SpecContext(dir, dir, name -> Optional.empty())).load(spec);
    long t1 = System.nanoTime();
    GateRun run = new GateRunner().run(gate);
    long t2 = System.nanoTime();
    Path reports = RunReports.write(run, dir.resolve("reports"));
    long t3 = System.nanoTime();
    out.printf("gate run: %d conversations with %,d-character replies (log %,d MB): load %.0f ms, run %.0f ms,"
        + " reports %.0f ms; decision %s; decision.json %,d bytes%n", conversations, reply.length(),
        Files.size(dir.resolve("log.jsonl")) / MB, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6,
        run.decision().action().wireName(), Files.size(reports.resolve("decision.json")));
  }
}
