package dev.rehearsal.prefix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 (smaller list): a valid 100 MB record is read, not refused by Jackson's default 20 M
 * character string limit as "not valid JSON (StreamConstraintsException at column -1)".
 */
class LargeRecordTests {

  static final int HUNDRED_MB = 100 * 1024 * 1024;

  @TempDir Path dir;

  @Test
  void item12_a_valid_100_mb_record_is_read_whole() throws IOException {
    // given a log whose second line holds one 100 MB user message between two small records
    Path file = dir.resolve("big.jsonl");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(line("small 1").getBytes(StandardCharsets.UTF_8));
      out.write("{\"id\":\"big\",\"messages\":[{\"role\":\"user\",\"content\":\"".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = new byte[1 << 20];
      Arrays.fill(chunk, (byte) 'a');
      for (int i = 0; i < HUNDRED_MB / chunk.length; i++) {
        out.write(chunk);
      }
      out.write("\"},{\"role\":\"assistant\",\"content\":\"ok\"}]}\n".getBytes(StandardCharsets.UTF_8));
      out.write(line("small 2").getBytes(StandardCharsets.UTF_8));
    }

    // when it is read
    List<LoggedConversation> read = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    new LineSource(file, new OpenAiMessagesParser()).read(new RecordSink() {
      @Override
      public void accept(LoggedConversation record) {
        read.add(record);
      }

      @Override
      public void reject(long position, String where, String problem) {
        rejected.add(where + ": " + problem);
      }
    });

    // then all three records are read and the big one is whole
    assertThat(rejected).isEmpty();
    assertThat(read).hasSize(3);
    assertThat(read.get(1).conversation().turns().get(0).text()).hasSize(HUNDRED_MB);
  }

  private static String line(String text) {
    return "{\"id\":\"" + text + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text
        + "\"},{\"role\":\"assistant\",\"content\":\"ok\"}]}\n";
  }
}
