package dev.rehearsal.forecast;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Writes a scorecard's files next to the decision files: {@code scorecard.json}, {@code scorecard.md}
 * and {@code calibration.svg} in {@code <dir>/<scorecard id>/}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ScorecardReports {

  private ScorecardReports() {}

  /** Writes the files and returns their folder. */
  public static Path write(ScorecardRun run, Path dir) throws IOException {
    Path out = dir.resolve(run.scorecard().id().replace('/', '_'));
    Files.createDirectories(out);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    dev.rehearsal.text.Utf8Files.writeJson(out.resolve("scorecard.json"), json, ScorecardJson.tree(json, run));
    dev.rehearsal.text.Utf8Files.write(out.resolve("scorecard.md"), ScorecardMarkdown.render(run));
    dev.rehearsal.text.Utf8Files.write(out.resolve("calibration.svg"), CalibrationPlot.render(run.scorecard()));
    return out;
  }

  /** The Markdown text, for printing. */
  public static String markdown(ScorecardRun run) {
    return ScorecardMarkdown.render(run);
  }
}
