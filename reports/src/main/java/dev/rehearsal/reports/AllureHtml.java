package dev.rehearsal.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Generates the Allure 2 HTML report offline with the unpacked command line, carrying the trend:
 * the previous report's {@code history/} is copied into the results before generating, which is how
 * Allure 2 keeps history (it has no store of its own).
 *
 * @param allureHome the unpacked allure-commandline (with {@code bin/allure})
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record AllureHtml(Path allureHome) {

  static final long TIMEOUT_MINUTES = 5;

  /** Copies {@code historyFrom} (if it exists) into {@code results/history}, then generates {@code report}. */
  public void generate(Path results, Path report, Path historyFrom) throws IOException, InterruptedException {
    generate(results, report, historyFrom, "Allure Report");
  }

  /**
   * As {@link #generate(Path, Path, Path)}, with the report name that heads the overview: the release
   * decision ({@code RELEASE HOLD}), shown as a badge by {@link DecisionBadgePlugin}, so it is the first thing read.
   */
  public void generate(Path results, Path report, Path historyFrom, String name) throws IOException, InterruptedException {
    if (!Files.isDirectory(results)) {
      throw new IOException("No Allure results at " + results.toAbsolutePath() + ": run the gates with rehearsal-allure"
          + " on the test class path first.");
    }
    carryHistory(historyFrom, results.resolve("history"));
    Path bin = allureHome.resolve("bin").resolve(isWindows() ? "allure.bat" : "allure");
    if (!Files.isRegularFile(bin)) {
      throw new IOException("Allure command line not found at " + bin + "; the reports module unpacks it in"
          + " generate-test-resources (mvn -B verify -pl reports -Preports).");
    }
    Path config = DecisionBadgePlugin.install(allureHome);
    Process p = new ProcessBuilder(List.of(bin.toString(), "generate", "--clean", results.toString(), "-o", report.toString(),
        "--name", name, "--config", config.toString()))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
    if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("allure generate did not finish within " + TIMEOUT_MINUTES + " minutes");
    }
    if (p.exitValue() != 0) {
      throw new IOException("allure generate failed with exit code " + p.exitValue() + " (see its output above)");
    }
  }

  static void carryHistory(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from) || from.toAbsolutePath().normalize().equals(to.toAbsolutePath().normalize())) {
      return;
    }
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, to.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
  }
}
