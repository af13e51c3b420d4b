package dev.rehearsal.prefix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import dev.rehearsal.run.RunReports;
import dev.rehearsal.spec.GateSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: input files are hashed, checked unchanged at the end of the read, and read strictly. */
class InputIntegrityTests {

  @TempDir Path dir;

  @AfterEach
  void noHook() {
    CheckedInput.afterOpen = file -> {};
  }

  private Path log(int conversations) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < conversations; i++) {
      text.append("{\"id\":\"c").append(i).append("\",\"messages\":[{\"role\":\"user\",\"content\":\"question ")
          .append(i).append("\"},{\"role\":\"assistant\",\"content\":\"ok\"}]}\n");
    }
    Path file = dir.resolve("log.jsonl");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private GateSpec gate(String path) throws IOException {
    return PrefixFixtures.gate(dir, "  source: { format: openai-messages, path: " + path + " }\n"
        + "  sample: { size: 50, seed: 1 }\n", "  production: { replay: logged }\n  candidate: { model: cand }\n",
        "models:\n  cand: { client: scripted, default: \"fine\" }\n"
            + "thresholds:\n  - { categories: refusal, max-rate: 50%, on-breach: hold }\n", Map.of());
  }

  @Test
  void item4_log_changed_during_read_is_an_infrastructure_error() throws IOException {
    // given a 2,000-conversation log that is cut to half its size right after the read started
    Path file = log(2000);
    long size = Files.size(file);
    GateSpec spec = gate("log.jsonl");
    CheckedInput.afterOpen = change(f -> truncate(f, size / 2));

    // when the whole gate runs, then it ends in an infrastructure error, not a decision
    assertThatThrownBy(() -> new GateRunner().run(spec))
        .isInstanceOf(InputChangedException.class)
        .hasMessageContaining(file + " changed while it was read: " + size + " bytes at the start")
        .hasMessageContaining("run the gate on a copy or snapshot");
  }

  @Test
  void item4_log_appended_during_read_is_an_infrastructure_error() throws IOException {
    Path file = log(2000);
    GateSpec spec = gate("log.jsonl");
    CheckedInput.afterOpen = change(f -> append(f, "{\"id\":\"late\",\"messages\":[]}\n"));

    assertThatThrownBy(() -> new GateRunner().run(spec)).isInstanceOf(InputChangedException.class)
        .hasMessageContaining(file + " changed while it was read");
  }

  @Test
  void item4_manifest_records_size_and_sha256_of_each_input_file() throws Exception {
    Path file = log(200);
    GateRun run = new GateRunner().run(gate("log.jsonl"));

    Path out = RunReports.write(run, dir.resolve("reports"));
    JsonNode inputs = new ObjectMapper().readTree(out.resolve("decision.json").toFile()).at("/manifest/inputs");
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    assertThat(inputs.size()).isEqualTo(1);
    assertThat(inputs.get(0).get("file").asText()).isEqualTo(file.toString());
    assertThat(inputs.get(0).get("size").asLong()).isEqualTo(Files.size(file));
    assertThat(inputs.get(0).get("sha256").asText()).isEqualTo(sha);
  }

  @Test
  void item12_truncated_gzip_is_a_bad_data_error_naming_the_file_and_the_fix() throws IOException {
    byte[] gz = gzip(Files.readAllBytes(log(300)));
    Files.write(dir.resolve("log.jsonl.gz"), java.util.Arrays.copyOf(gz, gz.length / 2));

    assertThatThrownBy(() -> new GateRunner().run(gate("log.jsonl.gz")))
        .isInstanceOf(BadDataException.class)
        .hasMessageContaining(dir.resolve("log.jsonl.gz") + ": the gzip stream ends early (truncated)")
        .hasMessageContaining("gzip -t log.jsonl.gz");
  }

  @Test
  void item12_trailing_junk_after_gzip_data_is_a_bad_data_error_with_file_and_offset() throws IOException {
    // given a valid gzip log with text appended (the JDK's reader ignored it and read the log as complete)
    byte[] gz = gzip(Files.readAllBytes(log(300)));
    Path file = dir.resolve("log.jsonl.gz");
    Files.write(file, concat(gz, "garbage appended by a broken copy".getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> new GateRunner().run(gate("log.jsonl.gz")))
        .isInstanceOf(BadDataException.class)
        .hasMessageContaining(file + ": bytes after the end of the gzip stream, at byte " + gz.length)
        .hasMessageContaining("gzip -t log.jsonl.gz");
  }

  @Test
  void item12_a_second_gzip_member_cut_in_its_header_is_a_truncation_error() throws IOException {
    // given a valid member followed by the first 6 bytes of another (ignored by the JDK's reader)
    byte[] gz = gzip(Files.readAllBytes(log(300)));
    byte[] second = gzip("{\"id\":\"x\",\"messages\":[]}\n".getBytes(StandardCharsets.UTF_8));
    Path file = dir.resolve("log.jsonl.gz");
    Files.write(file, concat(gz, java.util.Arrays.copyOf(second, 6)));

    assertThatThrownBy(() -> new GateRunner().run(gate("log.jsonl.gz")))
        .isInstanceOf(BadDataException.class)
        .hasMessageContaining(file + ": the gzip stream ends early (truncated) at byte " + (gz.length + 6))
        .hasMessageContaining("member that starts at byte " + gz.length);
  }

  @Test
  void item12_a_gzip_member_with_a_wrong_crc_is_a_corruption_error() throws IOException {
    byte[] gz = gzip(Files.readAllBytes(log(300)));
    gz[gz.length - 8] ^= 1; // first byte of the CRC-32 in the trailer
    Path file = dir.resolve("log.jsonl.gz");
    Files.write(file, gz);

    assertThatThrownBy(() -> new GateRunner().run(gate("log.jsonl.gz")))
        .isInstanceOf(BadDataException.class)
        .hasMessageContaining(file + ": the gzip stream is corrupt")
        .hasMessageContaining("fails its CRC-32 or length check");
  }

  @Test
  void concatenated_gzip_members_are_read_as_one_log() throws IOException {
    // given a log split in two gzip members, as 'cat a.gz b.gz' makes
    byte[] whole = Files.readAllBytes(log(300));
    int cut = new String(whole, StandardCharsets.UTF_8).indexOf("{\"id\":\"c150\"");
    Files.write(dir.resolve("log.jsonl.gz"), concat(gzip(java.util.Arrays.copyOf(whole, cut)),
        gzip(java.util.Arrays.copyOfRange(whole, cut, whole.length))));

    GateRun run = new GateRunner().run(gate("log.jsonl.gz"));

    assertThat(run.sample().report().conversations()).isEqualTo(300);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  @Test
  void item12_invalid_utf8_is_a_bad_data_error_with_file_and_line() throws IOException {
    Path file = log(3);
    byte[] latin1 = "{\"id\":\"caf\u00e9\",\"messages\":[]}\n".getBytes(StandardCharsets.ISO_8859_1); // 0xE9: not UTF-8
    Files.write(file, latin1, StandardOpenOption.APPEND);

    assertThatThrownBy(() -> new GateRunner().run(gate("log.jsonl")))
        .isInstanceOf(BadDataException.class)
        .hasMessageStartingWith(file + ":4: not valid UTF-8")
        .hasMessageContaining("iconv");
  }

  private static Consumer<Path> change(IoAction action) {
    return f -> {
      try {
        action.run(f);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  private interface IoAction {
    void run(Path file) throws IOException;
  }

  private static void truncate(Path file, long size) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(size);
    }
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  private static byte[] gzip(byte[] data) throws IOException {
    var bytes = new java.io.ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }
}
