package dev.rehearsal.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.rehearsal.text.Utf8Files;
import org.apiguardian.api.API;

/**
 * Builds the release reports after the gates ran and ends the log with every gate's decision table
 * and where the reports are. Arguments: {@code --runs DIR} (decision.json folders), {@code --out DIR};
 * optional {@code --allure-results DIR --allure-home DIR [--history-from DIR]} for the Allure HTML.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReportsMain {

  private static final Set<String> KEYS = Set.of("--runs", "--out", "--allure-results", "--allure-home", "--history-from");

  private ReportsMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, Path> a = parse(args);
    Path out = a.get("--out");
    List<GateReport> gates = GateReport.readAll(a.get("--runs"));
    Path summary = out.resolve("release-summary");
    Files.createDirectories(summary);
    Utf8Files.write(summary.resolve("summary.html"), ReleaseSummary.render(gates));
    Utf8Files.write(summary.resolve("summary.md"), ReleaseSummaryMarkdown.render(gates));
    // The report name for Allure 3 (npx allure generate --name "$(cat headline.txt)"), as Allure 2 gets it below.
    Utf8Files.write(summary.resolve("headline.txt"), ReleaseSummary.headline(gates) + "\n");
    Path html = out.resolve("allure-report");
    boolean allure = a.containsKey("--allure-results");
    if (allure) {
      Path history = a.getOrDefault("--history-from", html.resolve("history"));
      // Generating into the folder we carry history from would delete it first (--clean): copy it out.
      Path saved = out.resolve("allure-history-previous");
      AllureHtml.carryHistory(history, saved);
      new AllureHtml(a.get("--allure-home")).generate(a.get("--allure-results"), html, saved, ReleaseSummary.headline(gates));
    }
    StringBuilder log = new StringBuilder();
    for (GateReport g : gates) {
      Path txt = g.folder().resolve("decision.txt");
      log.append(Files.isRegularFile(txt) ? Files.readString(txt) : "Gate " + g.gate() + ": " + g.decision().wireName() + "\n")
          .append('\n');
    }
    log.append("RELEASE: ").append(ReleaseSummary.overall(gates).wireName().toUpperCase(java.util.Locale.ROOT)).append('\n')
        .append("Release summary: ").append(summary.resolve("summary.html").toAbsolutePath()).append(" (Markdown: summary.md)\n");
    if (allure) {
      log.append("Allure results: ").append(a.get("--allure-results").toAbsolutePath()).append('\n')
          .append("Allure report:  ").append(html.resolve("index.html").toAbsolutePath())
          .append(" (serve over http, e.g. python3 -m http.server -d ").append(html.toAbsolutePath()).append(")\n");
    }
    System.out.print(log);
  }

  static Map<String, Path> parse(String[] args) {
    Map<String, Path> out = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!KEYS.contains(args[i]) || i + 1 >= args.length) {
        throw new IllegalArgumentException("Unknown or incomplete argument '" + args[i] + "'; valid: " + KEYS + " each with a path");
      }
      out.put(args[i], Path.of(args[i + 1]));
    }
    for (String required : List.of("--runs", "--out")) {
      if (!out.containsKey(required)) {
        throw new IllegalArgumentException("Missing required argument " + required);
      }
    }
    return out;
  }
}
