package dev.rehearsal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.UniqueId;

/** Unique ids are read below the engine's own id, wherever a suite put it (Surefire reruns select these). */
class UniqueIdsTests {

  @Test
  void finds_the_gate_under_a_suite_prefixed_engine_id() {
    // given: the id Surefire reruns a failed gate test with, under the README's suite class
    UniqueId engine = UniqueId.forEngine("junit-platform-suite").append("suite", "x.HoldGateTest")
        .append("engine", Constants.ENGINE_ID);
    UniqueId failed = engine.append("gate", "hold").append("category", "harm").append("comparison", "production");

    // then: the gate segment is the one right under the engine, not the second of the id
    assertThat(UniqueIds.childOf(engine, failed, GateDescriptor.SEGMENT)).contains("hold");
  }

  @Test
  void ignores_ids_of_other_engines_and_other_node_types() {
    UniqueId engine = UniqueId.forEngine(Constants.ENGINE_ID);

    assertThat(UniqueIds.childOf(engine, UniqueId.forEngine("junit-jupiter").append("gate", "g"), "gate")).isEmpty();
    assertThat(UniqueIds.childOf(engine, engine.append("scorecard", "s"), GateDescriptor.SEGMENT)).isEmpty();
    assertThat(UniqueIds.childOf(engine, engine, GateDescriptor.SEGMENT)).isEmpty();
  }
}
