package dev.rehearsal.prefix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.conversation.Conversation;
import dev.rehearsal.conversation.Role;
import dev.rehearsal.conversation.ToolCall;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.prefix.deid.DeidReport;
import dev.rehearsal.prefix.deid.Finding;
import dev.rehearsal.prefix.deid.FindingLocation;
import dev.rehearsal.prefix.deid.PiiKind;
import dev.rehearsal.prefix.deid.PiiScanner;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The guard scans prefixes in parallel; its report must be the one a scan in prefix order gives. */
class DeidScanTests {

  private static final List<String> TEXTS = List.of("how do I bake bread", "mail me at ana.lima@example.org",
      "call +1 415 555 0132 tomorrow", "my card is 4111 1111 1111 1111", "nothing here", "ssn 123-45-6789",
      "key sk-proj-abcdefghijklmnopqrstuvwxyz012345", "", "ping 10.1.2.3 and bob@example.com");

  @Test
  void parallel_scan_reports_the_counts_and_the_first_locations_in_prefix_order() {
    SplittableRandom random = new SplittableRandom(21);
    List<Prefix> prefixes = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      List<Turn> turns = new ArrayList<>();
      for (int t = random.nextInt(1, 4); t > 0; t--) {
        List<ToolCall> calls = random.nextInt(4) == 0
            ? List.of(new ToolCall("c" + i, "lookup", "{\"q\":\"" + pick(random) + "\"}")) : List.of();
        turns.add(new Turn(Role.USER, pick(random), calls, Optional.empty(), false));
      }
      Conversation c = new Conversation("conv-" + i, turns, Map.of());
      prefixes.add(new Prefix(c.id() + "#u0", new LoggedConversation(c, Map.of("logged", c), i + 1), 0, turns, "other"));
    }
    DeidReport parallel = DeidGuard.scan(prefixes, "block", false);
    DeidReport inOrder = oneByOne(prefixes);
    assertThat(parallel.counts()).isEqualTo(inOrder.counts());
    assertThat(parallel.locations()).isEqualTo(inOrder.locations()).hasSize(DeidReport.MAX_LOCATIONS);
    assertThat(parallel.total()).as("findings in 3,000 prefixes").isGreaterThan(1_000);
  }

  private static String pick(SplittableRandom random) {
    return TEXTS.get(random.nextInt(TEXTS.size()));
  }

  /** The scan before it ran in parallel: every prefix, turn and field in order. */
  private static DeidReport oneByOne(List<Prefix> prefixes) {
    PiiScanner scanner = new PiiScanner();
    Map<PiiKind, Long> counts = new EnumMap<>(PiiKind.class);
    List<FindingLocation> locations = new ArrayList<>();
    for (Prefix p : prefixes) {
      for (int i = 0; i < p.turns().size(); i++) {
        Turn t = p.turns().get(i);
        add(p, i, "text", scanner.scan(t.text()), counts, locations);
        for (int c = 0; c < t.toolCalls().size(); c++) {
          add(p, i, "tool_calls[" + c + "].arguments", scanner.scan(t.toolCalls().get(c).argumentsJson()), counts,
              locations);
        }
      }
    }
    return new DeidReport("block", counts, locations, false);
  }

  private static void add(Prefix p, int turn, String field, List<Finding> findings, Map<PiiKind, Long> counts,
      List<FindingLocation> locations) {
    for (Finding f : findings) {
      counts.merge(f.kind(), 1L, Long::sum);
      if (locations.size() < DeidReport.MAX_LOCATIONS) {
        locations.add(new FindingLocation(p.sampleId(), turn, field, f.kind(), f.start()));
      }
    }
  }
}
