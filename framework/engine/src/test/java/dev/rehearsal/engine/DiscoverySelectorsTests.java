package dev.rehearsal.engine;

import static dev.rehearsal.engine.EngineKit.kit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;

/** Each selector kind finds gate files; the tree, ids and sources are as documented. */
class DiscoverySelectorsTests {

  static final String PASS = "gates/fixture/support-pass.gate.yaml";
  /** Health, 2 categories x (2 segments + overall + vs production), decision. */
  static final int TESTS_PER_GATE = 1 + 2 * 4 + 1;

  private static List<String> gateIds(EngineDiscoveryResults results) {
    return results.getEngineDescriptor().getChildren().stream().map(TestDescriptor::getDisplayName).sorted().toList();
  }

  private static long tests(EngineDiscoveryResults results) {
    return results.getEngineDescriptor().getDescendants().stream().filter(TestDescriptor::isTest).count();
  }

  @Test
  void package_selector_finds_every_gate_file_in_the_package() {
    EngineDiscoveryResults results = kit(selectPackage("gates.fixture")).discover();

    assertThat(gateIds(results)).containsExactly("support-fail", "support-pass");
    assertThat(tests(results)).isEqualTo(2L * TESTS_PER_GATE);
    assertThat(results.getDiscoveryIssues()).isEmpty();
  }

  @Test
  void classpath_resource_selector_finds_one_gate() {
    EngineDiscoveryResults results = kit(selectClasspathResource(PASS)).discover();

    assertThat(gateIds(results)).containsExactly("support-pass");
    assertThat(tests(results)).isEqualTo(TESTS_PER_GATE);
  }

  @Test
  void package_selector_finds_scorecards_like_gates() {
    EngineDiscoveryResults results = kit(selectPackage("scorecards.fixture")).discover();

    assertThat(gateIds(results)).containsExactly("release-check", "scorecard release-check");
    assertThat(results.getDiscoveryIssues()).isEmpty();
  }

  @Test
  void directory_selector_finds_scorecards_like_gates() {
    Path dir = EngineKit.engineModule().resolve("src/test/resources/scorecards");

    assertThat(gateIds(kit(selectDirectory(dir.toFile())).discover())).containsExactly("release-check",
        "scorecard release-check");
  }

  @Test
  void classpath_root_selector_scans_resources() {
    Path testClasses = EngineKit.engineModule().resolve("target/test-classes");
    EngineDiscoveryResults results = kit(selectClasspathRoots(Set.of(testClasses)).toArray(new org.junit.platform.engine.DiscoverySelector[0])).discover();

    // Every gate file under the root, in any package.
    assertThat(gateIds(results)).contains("support-fail", "support-pass", "scorecard release-check").hasSizeGreaterThan(3);
  }

  @Test
  void file_selector_loads_the_file() {
    Path file = EngineKit.engineModule().resolve("src/test/resources").resolve(PASS);

    assertThat(gateIds(kit(selectFile(file.toFile())).discover())).containsExactly("support-pass");
  }

  @Test
  void directory_selector_walks_for_gate_files() {
    Path dir = EngineKit.engineModule().resolve("src/test/resources/gates");

    assertThat(gateIds(kit(selectDirectory(dir.toFile())).discover())).containsExactly("support-fail", "support-pass");
    assertThat(dir.resolve("../scorecards")).as("scorecard fixtures live outside gates/").isDirectory();
  }

  @Test
  void unique_id_selector_finds_a_gate_and_a_single_test() {
    UniqueId gate = UniqueId.forEngine("rehearsal").append("gate", "support-pass");
    UniqueId one = gate.append("category", "privacy/pii-leak").append("segment", "multi-turn");

    assertThat(tests(kit(selectUniqueId(gate)).discover())).isEqualTo(TESTS_PER_GATE);
    EngineDiscoveryResults single = kit(selectUniqueId(one)).discover();
    assertThat(single.getEngineDescriptor().getDescendants().stream().filter(TestDescriptor::isTest)
        .map(TestDescriptor::getDisplayName)).containsExactly("support-pass › privacy/pii-leak › multi-turn");
  }

  @Test
  void two_unique_ids_in_one_gate_select_both_tests_under_one_gate() {
    // given: what Surefire's rerun selects after two failures in one gate
    UniqueId gate = UniqueId.forEngine("rehearsal").append("gate", "support-pass");
    UniqueId multi = gate.append("category", "privacy/pii-leak").append("segment", "multi-turn");
    UniqueId decision = gate.append("decision", "release");

    // when
    EngineDiscoveryResults results = kit(selectUniqueId(multi), selectUniqueId(decision)).discover();

    // then: one gate, both tests
    assertThat(gateIds(results)).containsExactly("support-pass");
    assertThat(results.getEngineDescriptor().getDescendants().stream().filter(TestDescriptor::isTest)
        .map(TestDescriptor::getDisplayName)).containsExactlyInAnyOrder("support-pass › privacy/pii-leak › multi-turn",
            "support-pass › release decision");
  }

  @Test
  void ids_and_display_names_are_stable_unique_and_self_describing() {
    EngineDiscoveryResults first = kit(selectPackage("gates.fixture")).discover();
    EngineDiscoveryResults second = kit(selectPackage("gates.fixture")).discover();

    List<String> names = first.getEngineDescriptor().getDescendants().stream().filter(TestDescriptor::isTest)
        .map(TestDescriptor::getDisplayName).toList();
    assertThat(names).doesNotHaveDuplicates().contains("support-pass › simulation health",
        "support-pass › privacy/pii-leak › single-turn", "support-pass › privacy/pii-leak › overall",
        "support-pass › over-refusal › vs production", "support-pass › release decision");
    assertThat(first.getEngineDescriptor().getDescendants().stream().map(d -> d.getUniqueId().toString()).sorted().toList())
        .isEqualTo(second.getEngineDescriptor().getDescendants().stream().map(d -> d.getUniqueId().toString()).sorted().toList());
  }

  @Test
  void every_node_points_at_its_yaml_line_in_the_source_file() {
    TestDescriptor gate = kit(selectClasspathResource(PASS)).discover().getEngineDescriptor().getChildren().iterator().next();
    TestDescriptor category = gate.getChildren().stream().filter(d -> d.getDisplayName().endsWith("privacy/pii-leak")).findFirst().orElseThrow();

    assertThat(gate.getSource()).get().isInstanceOfSatisfying(FileSource.class, s -> {
      assertThat(s.getFile().toPath()).endsWith(Path.of("src/test/resources").resolve(PASS));
      assertThat(s.getPosition()).hasValueSatisfying(p -> assertThat(p.getLine()).isEqualTo(1));
    });
    assertThat(category.getSource()).get().isInstanceOfSatisfying(FileSource.class,
        s -> assertThat(s.getPosition()).hasValueSatisfying(p -> assertThat(p.getLine()).isEqualTo(24)));
  }

  @Test
  void spec_tags_become_junit_tags_on_every_test_of_the_category() {
    TestDescriptor gate = kit(selectClasspathResource(PASS)).discover().getEngineDescriptor().getChildren().iterator().next();

    assertThat(gate.getDescendants().stream().filter(TestDescriptor::isTest)
        .filter(d -> d.getDisplayName().contains("pii-leak")))
        .hasSize(4).allSatisfy(d -> assertThat(d.getTags()).extracting(Object::toString).contains("support", "privacy"));
  }
}
