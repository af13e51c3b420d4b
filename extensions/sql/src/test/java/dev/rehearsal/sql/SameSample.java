package dev.rehearsal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.conversation.Turn;
import dev.rehearsal.prefix.Prefix;
import dev.rehearsal.prefix.Sample;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Test support: asserts that two samples hold the same prefixes, segments, replies and counts. */
public final class SameSample {

  private SameSample() {}

  public static void assertSame(Sample pushed, Sample streamed) {
    assertThat(streamed.prefixes()).as("the streaming sample").isNotEmpty();
    assertThat(byId(pushed)).containsExactlyEntriesOf(byId(streamed));
    assertThat(pushed.population()).containsExactlyEntriesOf(streamed.population());
    assertThat(pushed.allocation()).containsExactlyEntriesOf(streamed.allocation());
    assertThat(pushed.report().conversations()).isEqualTo(streamed.report().conversations());
    assertThat(pushed.report().userTurns()).isEqualTo(streamed.report().userTurns());
    assertThat(pushed.report().eligibleTurns()).isEqualTo(streamed.report().eligibleTurns());
    assertThat(pushed.report().rejected()).containsExactlyEntriesOf(streamed.report().rejected());
  }

  /** Each prefix as id, segment, turns and the logged reply, by sample id. */
  static Map<String, String> byId(Sample s) {
    return s.prefixes().stream().collect(Collectors.toMap(Prefix::sampleId, SameSample::describe, (a, b) -> a,
        TreeMap::new));
  }

  private static String describe(Prefix p) {
    return p.segment() + " | " + text(p.turns()) + " => " + p.loggedReply("logged").map(Turn::text).orElse("(none)");
  }

  private static String text(List<Turn> turns) {
    return turns.stream().map(t -> t.role().wireName() + ": " + t.text()).collect(Collectors.joining(" / "));
  }
}
