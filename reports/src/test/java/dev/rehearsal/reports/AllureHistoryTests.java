package dev.rehearsal.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two consecutive report generations with the same stable test id: the second report's history
 * holds both runs (trend) and the test's previous result. Runs the real Allure command line that
 * the build unpacked; fails (does not skip) when it is missing.
 */
class AllureHistoryTests {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void second_generation_carries_the_first_run_into_trend_and_test_history(@TempDir Path dir) throws Exception {
    AllureHtml allure = new AllureHtml(Path.of(System.getProperty("rehearsal.allure-home", "target/allure-commandline/allure-2.34.1")));
    Path results1 = results(dir.resolve("results-1"), "failed", 1_000);
    Path results2 = results(dir.resolve("results-2"), "passed", 2_000);

    allure.generate(results1, dir.resolve("report-1"), dir.resolve("no-history-yet"));
    allure.generate(results2, dir.resolve("report-2"), dir.resolve("report-1/history"));

    JsonNode trend = JSON.readTree(dir.resolve("report-2/history/history-trend.json").toFile());
    JsonNode history = JSON.readTree(dir.resolve("report-2/history/history.json").toFile());
    assertThat(trend).hasSize(2);
    assertThat(trend.get(0).path("data").path("passed").asInt()).isEqualTo(1);
    assertThat(trend.get(1).path("data").path("failed").asInt()).isEqualTo(1);
    assertThat(history.path("stable-history-id").path("items")).hasSize(2);
  }

  @Test
  void report_is_named_after_the_decision_and_loads_the_decision_badge(@TempDir Path dir) throws Exception {
    AllureHtml allure = new AllureHtml(Path.of(System.getProperty("rehearsal.allure-home", "target/allure-commandline/allure-2.34.1")));

    allure.generate(results(dir.resolve("results"), "failed", 1_000), dir.resolve("report"), dir.resolve("none"), "RELEASE HOLD");

    String index = Files.readString(dir.resolve("report/index.html"));
    JsonNode summary = JSON.readTree(dir.resolve("report/widgets/summary.json").toFile());
    assertThat(summary.path("reportName").asText()).isEqualTo("RELEASE HOLD");
    assertThat(index).contains("<title>RELEASE HOLD</title>", "plugin/rehearsal-decision/index.js");
    assertThat(dir.resolve("report/plugin/rehearsal-decision/index.js")).content().contains("RELEASE (SHIP|REPAIR");
  }

  private static Path results(Path dir, String status, long start) throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("0b6a7c1e-0000-4000-8000-00000000000" + (start / 1000) + "-result.json"),
        "{\"uuid\":\"0b6a7c1e-0000-4000-8000-00000000000" + (start / 1000) + "\",\"historyId\":\"stable-history-id\","
            + "\"name\":\"gate › category › segment\",\"fullName\":\"gate › category › segment\",\"status\":\"" + status
            + "\",\"stage\":\"finished\",\"start\":" + start + ",\"stop\":" + (start + 10)
            + ",\"labels\":[{\"name\":\"suite\",\"value\":\"gate\"}]}");
    return dir;
  }
}
