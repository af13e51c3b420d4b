package dev.rehearsal.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gate run through the OpenAI client with a run store prints nothing on stderr: no logging
 * framework's notice (the first Apache transport brought slf4j-api, whose "SLF4J(W): No SLF4J
 * providers were found" lines came once per run from the HTTP client or from sqlite-jdbc, which
 * logs through SLF4J whenever slf4j-api is on the class path).
 */
class QuietOutputTests {

  @TempDir Path project;

  @Test
  void slf4j_is_not_on_the_openai_class_path() {
    assertThatThrownBy(() -> Class.forName("org.slf4j.LoggerFactory"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void a_gate_run_with_a_store_in_a_fresh_jvm_writes_nothing_to_stderr() throws Exception {
    // given a gate whose candidate is an openai model on a loopback server, and a run store
    try (LoopbackServer server = new LoopbackServer()) {
      Path gate = gate(server.baseUrl());
      Path out = project.resolve("child.out");
      Path err = project.resolve("child.err");

      // when a child JVM (a fresh one: a notice is printed once per JVM) runs it to the end
      ProcessBuilder builder = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
          KillableGateMain.class.getName(), project.toString(), gate.toString(),
          project.resolve("store.db").toString(), "over-refusal");
      builder.environment().put("QUIET_TEST_KEY", Fixtures.SECRET);
      Process child = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();

      // then it decided on every sample through the HttpCore transport, and stderr stayed empty
      assertThat(Files.readString(out)).contains("result errors=0 samples=20");
      assertThat(server.requests()).hasSize(20).allSatisfy(r -> assertThat(
          HttpTransportTests.header(r, "User-Agent")).contains("rehearsal-openai"));
      assertThat(Files.readString(err)).isEmpty();
    }
  }

  private Path gate(String baseUrl) throws java.io.IOException {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      log.append("{\"id\":\"c").append(i).append("\",\"messages\":[{\"role\":\"user\",\"content\":")
          .append("\"prompt-").append(i).append("\"},{\"role\":\"assistant\",\"content\":\"Sure.\"}]}\n");
    }
    Files.writeString(project.resolve("log.jsonl"), log);
    return Files.writeString(project.resolve("quiet.gate.yaml"), """
        gate: quiet
        promise: Answers every prompt.
        owner: support
        prefixes:
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: 20, seed: 1 }
        arms:
          production: { replay: logged }
          candidate: { model: candidate }
        models:
          candidate: { client: openai, base-url: "%s", model: test-model, temperature: 0,
                       api-key-env: QUIET_TEST_KEY }
        graders:
          refusal: { type: refusal }
        categories:
          - { id: over-refusal, grader: refusal, owner: product }
        thresholds:
          - { categories: over-refusal, max-rate: 60%%, on-breach: narrow-rollout }
        """.formatted(baseUrl));
  }
}
