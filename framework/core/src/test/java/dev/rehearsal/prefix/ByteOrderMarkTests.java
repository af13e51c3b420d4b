package dev.rehearsal.prefix;

import static dev.rehearsal.prefix.PrefixFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.conversation.Turn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A UTF-8 byte-order mark (Excel's "CSV UTF-8") is dropped in every text source, plain or gzipped. */
class ByteOrderMarkTests {

  static final String BOM = "\uFEFF";

  @TempDir Path dir;

  @Test
  void a_csv_saved_by_excel_with_a_byte_order_mark_reads_every_record() throws IOException {
    // given: the header's first column would read "\ufeffprompt" if the mark were kept
    Files.writeString(dir.resolve("excel.csv"), BOM + "prompt,id\r\nHow do I bake bread?,p1\r\nWhat is 2+2?,p2\r\n",
        StandardCharsets.UTF_8);

    // when
    Sample s = sample(dir, """
          source: { format: prompts-csv, path: excel.csv, id-column: id }
          sample: { size: 2, seed: 1 }
        """);

    // then: no bad records, the prompt column is found, ids are read
    assertThat(s.report().badRecords()).isZero();
    assertThat(s.report().eligibleTurns()).isEqualTo(2);
    assertThat(s.prefixes()).extracting(p -> p.source().conversation().id()).containsExactlyInAnyOrder("p1", "p2");
    assertThat(s.prefixes()).allSatisfy(p -> assertThat(p.turns()).extracting(Turn::text).noneMatch(t -> t.contains(BOM)));
  }

  @Test
  void a_gzipped_jsonl_log_with_a_byte_order_mark_reads_its_first_record() throws IOException {
    String jsonl = BOM + "{\"id\":\"c1\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"hello\"}]}\n"
        + "{\"id\":\"c2\",\"messages\":[{\"role\":\"user\",\"content\":\"bye\"},{\"role\":\"assistant\",\"content\":\"ciao\"}]}\n";
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("log.jsonl.gz")))) {
      out.write(jsonl.getBytes(StandardCharsets.UTF_8));
    }

    Sample s = sample(dir, """
          source: { format: openai-messages, path: log.jsonl.gz }
          sample: { size: 2, seed: 1 }
        """);

    assertThat(s.report().badRecords()).isZero();
    assertThat(s.report().conversations()).isEqualTo(2);
  }

  @Test
  void strip_removes_only_a_leading_mark() {
    assertThat(ByteOrderMark.strip(BOM + "a" + BOM)).isEqualTo("a" + BOM);
    assertThat(ByteOrderMark.strip("plain")).isEqualTo("plain");
  }
}
