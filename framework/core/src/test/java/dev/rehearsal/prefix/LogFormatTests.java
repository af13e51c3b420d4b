package dev.rehearsal.prefix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.conversation.Role;
import dev.rehearsal.spec.PrefixSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the two skeleton formats: real hh-rlhf data and OpenAI-messages with tool calls. */
class LogFormatTests {

  @TempDir Path dir;

  private PrefixSpec spec(String format, Path file, int size) throws IOException {
    String source = file.startsWith(dir) ? "path: " + dir.relativize(file) : "data: " + PrefixFixtures.dataRoot().relativize(file);
    return PrefixFixtures.gate(dir, """
          source: { format: %s, %s }
          sample: { size: %d, seed: 1 }
        """.formatted(format, source, size)).prefixes();
  }

  @Test
  void reads_every_line_of_the_real_hh_rlhf_file_through_gzip() throws IOException {
    Sample s = new PrefixSampler(spec("hh-rlhf", PrefixFixtures.dataRoot().resolve("hh-rlhf/harmless-base.test.jsonl.gz"), 100)).sample();

    // The data README: 2,312 lines, 5,756 user turns, each answered in the log.
    assertThat(s.report().lines()).isEqualTo(2312);
    assertThat(s.report().conversations()).isEqualTo(2312);
    assertThat(s.report().userTurns()).isEqualTo(5756);
    assertThat(s.report().eligibleTurns()).isEqualTo(5756);
    assertThat(s.prefixes()).hasSize(100).allSatisfy(p -> {
      assertThat(p.turns().get(p.turns().size() - 1).role()).isEqualTo(Role.USER);
      assertThat(p.loggedReply("chosen")).isPresent();
      assertThat(p.loggedReply("rejected")).isPresent();
    });
  }

  @Test
  void chosen_and_rejected_differ_only_on_the_last_user_turn() throws IOException {
    Sample s = new PrefixSampler(spec("hh-rlhf", PrefixFixtures.dataRoot().resolve("hh-rlhf/harmless-base.test.jsonl.gz"), 6000)).sample();

    long differing = s.prefixes().stream()
        .filter(p -> !p.loggedReply("chosen").orElseThrow().text().equals(p.loggedReply("rejected").orElseThrow().text()))
        .filter(p -> p.userOrdinal() + 1 < p.source().conversation().userTurnCount()).count();

    assertThat(differing).isZero();
  }

  @Test
  void reads_openai_messages_with_tool_calls_metadata_and_multimodal_parts_from_gzip() throws IOException {
    String line = """
        {"id":"t1","metadata":{"locale":"en-US","user":{"tier":"pro"}},\
        "tools":[{"type":"function","function":{"name":"calc","description":"Evaluates arithmetic.","parameters":{"type":"object","properties":{"e":{"type":"string"}}}}}],"messages":[\
        {"role":"system","content":"You are helpful."},\
        {"role":"user","content":[{"type":"text","text":"What is 2+2?"},{"type":"image_url","image_url":{"url":"x"}}]},\
        {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"calc","arguments":"{\\"e\\":\\"2+2\\"}"}}]},\
        {"role":"tool","tool_call_id":"call_1","content":"4"},\
        {"role":"assistant","content":"It is 4."},\
        {"role":"user","content":"Thanks"},{"role":"assistant","content":"You're welcome."}]}
        """;
    Path file = dir.resolve("log.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(line.getBytes(StandardCharsets.UTF_8));
    }

    Sample s = new PrefixSampler(spec("openai-messages", file, 10)).sample();

    // Both user turns are answered by an assistant turn (the first by a tool call), so both are eligible.
    assertThat(s.prefixes()).extracting(Prefix::sampleId).containsExactly("t1#u0", "t1#u1");
    Prefix p = s.prefixes().get(0);
    assertThat(p.loggedReply("logged")).hasValueSatisfying(t -> assertThat(t.toolCalls()).hasSize(1));
    var c = p.source().conversation();
    assertThat(c.metadata()).containsEntry("locale", "en-US").containsEntry("user.tier", "pro");
    assertThat(c.turns().get(1).multimodal()).isTrue();
    assertThat(c.turns().get(2).toolCalls()).singleElement().satisfies(t -> {
      assertThat(t.name()).isEqualTo("calc");
      assertThat(t.argumentsJson()).isEqualTo("{\"e\":\"2+2\"}");
    });
    assertThat(c.turns().get(3).toolCallId()).contains("call_1");
    assertThat(c.tools()).containsOnlyKeys("calc");
    assertThat(c.tools().get("calc")).contains("\"description\":\"Evaluates arithmetic.\"", "\"parameters\"");
  }

  @Test
  void counts_and_locates_malformed_lines_without_dropping_them_silently() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.jsonl"), """
        {"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}
        {"messages": [
        {"messages":[{"role":"robot","content":"beep"}]}
        """);

    Sample s = new PrefixSampler(spec("openai-messages", file, 10)).sample();

    assertThat(s.report().badRecords()).isEqualTo(2);
    assertThat(s.report().problems()).hasSize(2);
    assertThat(s.report().problems().get(0)).contains("bad.jsonl:2:").contains("not valid JSON");
    assertThat(s.report().problems().get(1)).contains("bad.jsonl:3:").contains("role is 'robot'");
  }
}
