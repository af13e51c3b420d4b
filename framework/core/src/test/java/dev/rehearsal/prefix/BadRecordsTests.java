package dev.rehearsal.prefix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BadRecordsTests {

  @TempDir Path dir;

  // Each log has a good record on line 1, a bad one on the given line, and a good one after it.
  static final String OPENAI = """
      {"id":"a","messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}
      {"id":"b","messages":[{"role":"robot","content":"beep"}]}
      {"id":"c","messages":[{"role":"user","content":"bye"},{"role":"assistant","content":"ciao"}]}
      """;
  static final String SHAREGPT = """
      {"conversations":[{"from":"human","value":"hi"},{"from":"gpt","value":"hello"}]}

      {"conversations":[{"from":"human","value":"truncated"
      {"conversations":[{"from":"human","value":"bye"},{"from":"gpt","value":"ciao"}]}
      """;
  static final String HH = """
      {"chosen":"\\n\\nHuman: hi\\n\\nAssistant: hello","rejected":"\\n\\nHuman: hi\\n\\nAssistant: go away"}
      {"chosen":"no turns here","rejected":"none"}
      {"chosen":"\\n\\nHuman: bye\\n\\nAssistant: ciao","rejected":"\\n\\nHuman: bye\\n\\nAssistant: no"}
      """;
  static final String CSV = """
      id,prompt,type
      1,"How do I boil an egg?",safe
      2,"A prompt, with a comma but no quotes",safe,extra
      3,"A prompt spanning
      two lines",safe
      """;
  static final String PROMPTS_JSONL = """
      {"prompt":"one"}
      {"text":"no prompt field"}
      {"prompt":"three"}
      """;

  @ParameterizedTest(name = "{0}: skip counts line {2} and keeps the others")
  @CsvSource({"openai-messages, log.jsonl, 2", "sharegpt, log.jsonl, 3", "hh-rlhf, log.jsonl, 2",
      "prompts-csv, log.csv, 3", "prompts-jsonl, log.jsonl, 2"})
  void skips_and_counts_a_malformed_record_naming_file_and_line(String format, String name, int line) throws IOException {
    Path log = write(format, name);

    Sample s = PrefixFixtures.sample(dir, section(format, name, "skip"));

    assertThat(s.report().badRecords()).isEqualTo(1);
    assertThat(s.report().conversations()).isEqualTo(2);
    assertThat(s.report().problems()).singleElement().asString().startsWith(log + ":" + line + ": ");
  }

  @ParameterizedTest(name = "{0}: fail stops at line {2}")
  @CsvSource({"openai-messages, log.jsonl, 2", "sharegpt, log.jsonl, 3", "hh-rlhf, log.jsonl, 2",
      "prompts-csv, log.csv, 3", "prompts-jsonl, log.jsonl, 2"})
  void stops_with_file_and_line_under_the_fail_policy(String format, String name, int line) throws IOException {
    Path log = write(format, name);
    PrefixSampler sampler = new PrefixSampler(PrefixFixtures.gate(dir, section(format, name, "fail")).prefixes());

    assertThatThrownBy(sampler::sample)
        .isInstanceOf(BadDataException.class)
        .hasMessageStartingWith(log + ":" + line + ": ")
        .hasMessageContaining("fix or remove the record");
  }

  @ParameterizedTest(name = "max-share {0}: healthy = {1}")
  @CsvSource({"50%, true", "10%, false"})
  void fails_the_gate_health_when_skipped_records_exceed_the_configured_share(String share, boolean healthy)
      throws IOException {
    write("openai-messages", "log.jsonl");
    var spec = PrefixFixtures.gate(dir, """
          source: { format: openai-messages, path: log.jsonl }
          bad-records: { policy: skip, max-share: %s }
          sample: { size: 2, seed: 1 }
        """.formatted(share));

    GateRun run = new GateRunner().run(spec);

    assertThat(run.health().healthy()).isEqualTo(healthy);
    if (!healthy) {
      assertThat(run.health().problems()).anySatisfy(p -> assertThat(p)
          .contains("1 of 3 log records could not be read").contains("prefixes.bad-records.max-share")
          .contains("log.jsonl:2"));
    }
  }

  private Path write(String format, String name) throws IOException {
    String text = switch (format) {
      case "openai-messages" -> OPENAI;
      case "sharegpt" -> SHAREGPT;
      case "hh-rlhf" -> HH;
      case "prompts-csv" -> CSV;
      default -> PROMPTS_JSONL;
    };
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static String section(String format, String name, String policy) {
    return """
          source: { format: %s, path: %s }
          bad-records: { policy: %s }
          sample: { size: 10, seed: 1 }
        """.formatted(format, name, policy);
  }
}
