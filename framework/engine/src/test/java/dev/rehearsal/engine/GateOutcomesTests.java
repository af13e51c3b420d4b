package dev.rehearsal.engine;

import static dev.rehearsal.engine.EngineKit.kit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

/** A gate passes, fails with an observed/expected message, or errors on infrastructure trouble. */
class GateOutcomesTests {

  @Test
  void a_gate_within_its_thresholds_passes_every_test() {
    Events tests = kit(selectClasspathResource("gates/fixture/support-pass.gate.yaml")).execute().testEvents();

    tests.assertStatistics(s -> s.started(10).succeeded(10).failed(0).aborted(0));
  }

  @Test
  void a_breached_threshold_fails_its_test_with_every_number_needed_to_recheck_it() {
    Events tests = kit(selectClasspathResource("gates/fixture/support-fail.gate.yaml")).execute().testEvents();

    tests.assertThatEvents().haveExactly(1, event(test(), displayName("support-fail › privacy/pii-leak › overall"),
        finishedWithFailure(instanceOf(AssertionFailedError.class), message(m -> m.contains("category:   privacy/pii-leak")
            && m.contains("segment:    overall") && m.matches("(?s).*candidate \\d+/150 = .*") && m.contains("upper bound")
            && m.contains("max-rate 10.00%") && m.contains("Clopper-Pearson") && m.contains("production (replay:logged)")
            && m.contains("Action: rollback; owner: privacy-team")
            && m.contains("support-fail.gate.yaml:27:5")))));
    tests.assertThatEvents().haveExactly(1, event(test(), displayName("support-fail › release decision"),
        finishedWithFailure(instanceOf(AssertionFailedError.class), message(m -> m.contains("ROLLBACK")
            && m.contains("owner privacy-team")))));
    // Health and the over-refusal tests still pass: failures are attributed to what breached.
    tests.assertThatEvents().haveExactly(1, event(test(), displayName("support-fail › simulation health"),
        org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully()));
  }

  @Test
  void unreadable_data_is_an_error_of_the_gate_container_not_a_pass() {
    EngineExecutionResults results = kit(selectFile(EngineKit.broken("corrupt-data.gate.yaml").toFile())).execute();

    results.containerEvents().assertThatEvents().haveExactly(1, event(container(), displayName("corrupt-data"),
        finishedWithFailure(instanceOf(java.io.IOException.class))));
    results.testEvents().assertStatistics(s -> s.succeeded(0));
  }

  @Test
  void tag_filter_selects_only_tests_of_categories_carrying_the_tag() {
    Events tests = kit(selectClasspathResource("gates/fixture/support-pass.gate.yaml"))
        .filters(TagFilter.includeTags("privacy")).execute().testEvents();

    tests.assertStatistics(s -> s.started(4).succeeded(4));
    tests.started().stream().forEach(e -> assertThat(e.getTestDescriptor().getDisplayName()).contains("privacy/pii-leak"));
  }
}
