package dev.rehearsal.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lock files: unlocked without one, re-freeze writes it (also next to the source of a class-path gate). */
class LockCheckTests {

  @TempDir Path module;

  @Test
  void refreeze_of_a_classpath_gate_also_writes_the_lock_next_to_its_source() throws IOException {
    Path source = Files.createDirectories(module.resolve("src/test/resources/gates")).resolve("g.gate.yaml");
    Path copied = Files.createDirectories(module.resolve("target/test-classes/gates")).resolve("g.gate.yaml");
    Files.writeString(source, "gate: g\n");
    Files.writeString(copied, "gate: g\n");

    LockCheck written = LockCheck.check(copied, "g", Map.of("pii", "ab".repeat(32)), true);

    assertThat(written.state()).isEqualTo(LockCheck.State.WRITTEN);
    assertThat(GateLock.read(module.resolve("src/test/resources/gates/g.gate.lock"))).hasValueSatisfying(l ->
        assertThat(l.graders()).containsEntry("pii", "ab".repeat(32)));
    assertThat(LockCheck.check(copied, "g", Map.of("pii", "ab".repeat(32)), false).state()).isEqualTo(LockCheck.State.MATCHES);
  }

  @Test
  void a_gate_without_lock_is_unlocked_and_a_removed_grader_is_reported() throws IOException {
    Path spec = module.resolve("x.gate.yaml");
    assertThat(LockCheck.check(spec, "x", Map.of("a", "1"), false).state()).isEqualTo(LockCheck.State.UNLOCKED);

    LockCheck.check(spec, "x", Map.of("a", "1", "b", "2"), true);
    LockCheck changed = LockCheck.check(spec, "x", Map.of("a", "1"), false);

    assertThat(changed.passed()).isFalse();
    assertThat(changed.problems()).singleElement().asString()
        .contains("grader 'b' is frozen in x.gate.lock but no longer declared", GateLock.REFREEZE_COMMAND);
  }

  @Test
  void a_written_lock_lists_its_graders_sorted_so_rewriting_it_changes_no_byte() throws IOException {
    Map<String, String> graders = new java.util.HashMap<>();
    for (String id : new String[] {"refusal", "pii", "harm-words", "zeta", "alpha", "m-judge"}) {
      graders.put(id, "f-" + id);
    }
    Path lock = module.resolve("x.gate.lock");
    new GateLock("x", graders).write(lock);
    String text = Files.readString(lock);

    assertThat(text).containsSubsequence("\"alpha\"", "\"harm-words\"", "\"m-judge\"", "\"pii\"", "\"refusal\"",
        "\"zeta\"");
    new GateLock("x", GateLock.read(lock).orElseThrow().graders()).write(lock);
    assertThat(Files.readString(lock)).isEqualTo(text);
  }
}
