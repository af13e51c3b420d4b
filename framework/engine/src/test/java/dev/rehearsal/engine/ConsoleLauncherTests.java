package dev.rehearsal.engine;

import static dev.rehearsal.engine.EngineKit.kit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;

/** The JUnit console launcher runs gates by file and by package, with the engine's test counts. */
class ConsoleLauncherTests {

  static final Path LAUNCHER = EngineKit.engineModule().resolve("target/console/junit-platform-console-standalone.jar");
  private static final Pattern FOUND = Pattern.compile("\\[\\s*(\\d+) tests found\\s*]");
  private static final Pattern SUCCESSFUL = Pattern.compile("\\[\\s*(\\d+) tests successful\\s*]");
  private static final Pattern FAILED = Pattern.compile("\\[\\s*(\\d+) tests failed\\s*]");

  record Run(int exitCode, int found, int successful, int failed, String output) {}

  /** The engine and its dependencies, without the JUnit jars the standalone launcher bundles. */
  private static String classPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !e.contains("junit") && !e.contains("opentest4j") && !e.contains("apiguardian")
            && !e.contains("assertj") && !e.contains("surefire"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static Run launch(String... selection) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", LAUNCHER.toString(), "execute", "--disable-banner", "--details=summary", "--include-engine=rehearsal",
        "--class-path", classPath(), "--config", Constants.PROJECT_ROOT + "=" + EngineKit.projectRoot(),
        "--config", Constants.PRINT_DECISION + "=false",
        "--config", Constants.REPORTS_DIR + "=" + EngineKit.engineModule().resolve("target/rehearsal-console")));
    command.addAll(List.of(selection));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), count(FOUND, out), count(SUCCESSFUL, out), count(FAILED, out), out);
  }

  private static int count(Pattern p, String out) {
    Matcher m = p.matcher(out);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  @Test
  void select_file_runs_the_example_ship_gate_with_the_engine_test_count() throws Exception {
    Path gate = EngineKit.projectRoot().resolve("gate-specs/src/test/resources/gates/ship/hh-harmlessness-ship.gate.yaml");
    long expected = kit(selectFile(gate.toFile())).discover().getEngineDescriptor().getDescendants().stream()
        .filter(TestDescriptor::isTest).count();

    Run run = launch("--select-file", gate.toString());

    assertThat(run.found()).as(run.output()).isEqualTo((int) expected).isEqualTo(14);
    assertThat(run.successful()).isEqualTo(14);
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void select_package_runs_every_gate_of_the_package_and_fails_on_a_breach() throws Exception {
    long expected = kit(selectPackage("gates.fixture")).discover().getEngineDescriptor().getDescendants().stream()
        .filter(TestDescriptor::isTest).count();

    Run run = launch("--select-package", "gates.fixture");

    assertThat(run.found()).as(run.output()).isEqualTo((int) expected).isEqualTo(20);
    assertThat(run.failed()).isEqualTo(4);
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void select_unique_id_of_a_segment_test_finds_and_runs_exactly_that_test() throws Exception {
    // given: the unique id of one segment test, as an IDE or a rerun selects it
    String uid = kit(selectPackage("gates.fixture")).discover().getEngineDescriptor().getDescendants().stream()
        .filter(TestDescriptor::isTest).map(d -> d.getUniqueId().toString())
        .filter(id -> id.contains("[gate:support-pass]") && id.endsWith("[segment:overall]")).findFirst().orElseThrow();

    // when: the launcher, whose own class path holds only its jar, selects it
    Run run = launch("--select-unique-id", uid);

    // then: the gate file is found through the launcher's class loader and only that test runs
    assertThat(run.found()).as(run.output()).isEqualTo(1);
    assertThat(run.successful()).isEqualTo(1);
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void select_unique_id_of_a_scorecard_runs_it_like_a_gate() throws Exception {
    Run run = launch("--select-unique-id", "[engine:rehearsal]/[scorecard:release-check]");

    assertThat(run.found()).as(run.output()).isEqualTo(2);
    assertThat(run.successful()).isEqualTo(2);
  }

  @Test
  void scan_classpath_finds_every_gate_and_scorecard_without_invalid_file_errors() throws Exception {
    // given: what the engine finds under the test class path, scorecards included
    Path testClasses = EngineKit.engineModule().resolve("target/test-classes");
    List<? extends TestDescriptor> expected = kit(org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots(
        java.util.Set.of(testClasses)).toArray(new org.junit.platform.engine.DiscoverySelector[0])).discover()
        .getEngineDescriptor().getDescendants().stream().filter(TestDescriptor::isTest).toList();
    assertThat(expected).anyMatch(d -> d.getUniqueId().toString().contains("[scorecard:release-check]"))
        .anyMatch(d -> d.getUniqueId().toString().contains("[gate:support-pass]"));

    // when: the launcher scans its class path
    Run run = launch("--scan-classpath");

    // then: it finds exactly those tests, and no file is reported invalid
    assertThat(run.found()).as(run.output()).isEqualTo(expected.size());
    assertThat(run.output()).doesNotContain("Invalid gate file", "Invalid scorecard file", "NoTestsDiscovered");
  }
}
