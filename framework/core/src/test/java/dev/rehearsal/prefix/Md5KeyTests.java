package dev.rehearsal.prefix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.spec.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sample.key: md5}: the portable key the sql source computes in SQL. */
class Md5KeyTests {

  @TempDir Path dir;

  @Test
  void key_is_the_first_15_hex_digits_of_md5_of_seed_conversation_and_ordinal() {
    // Expected values from Python: hashlib.md5(b"20261122/conv-1/0").hexdigest() and int(h[:15], 16).
    assertThat(Md5Key.hex(20261122L, "conv-1", 0)).isEqualTo("e4b7f45506ba0bab006557929a9fcfd9");
    assertThat(Md5Key.of(20261122L, "conv-1", 0)).isEqualTo(1030056875462992058L);
    // Non-ASCII ids are hashed as UTF-8, as SQL engines do: hashlib.md5("7/cé/3".encode()).
    assertThat(Md5Key.of(7L, "c\u00e9", 3)).isEqualTo(456876385955622043L);
  }

  @Test
  void ordering_keys_orders_their_hex_prefixes_as_sql_does() {
    List<String> hex = new ArrayList<>();
    List<Long> keys = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      hex.add(Md5Key.hex(1, "c" + i, 0).substring(0, Md5Key.HEX_DIGITS));
      keys.add(Md5Key.of(1, "c" + i, 0));
    }
    List<String> byText = new ArrayList<>(hex);
    Collections.sort(byText);
    List<Long> byNumber = new ArrayList<>(keys);
    Collections.sort(byNumber);

    assertThat(byNumber).isEqualTo(byText.stream().map(h -> Long.parseLong(h, 16)).toList());
  }

  @Test
  void md5_keyed_sample_does_not_depend_on_the_order_of_lines_but_the_position_key_does() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      lines.add(SyntheticLog.line("c" + i, i % 3 == 0 ? "team" : "free", 1 + i % 4, "topic " + i));
    }
    Files.write(dir.resolve("log.jsonl"), lines);
    Sample md5 = sample("md5");
    Sample position = sample("position");
    Collections.shuffle(lines, new Random(5));
    Files.write(dir.resolve("log.jsonl"), lines);

    assertThat(idSet(sample("md5"))).hasSize(50).isEqualTo(idSet(md5));
    assertThat(idSet(sample("position"))).hasSize(50).isNotEqualTo(idSet(position));
  }

  @Test
  void md5_key_and_dedup_are_refused_together() throws IOException {
    Files.writeString(dir.resolve("log.jsonl"), SyntheticLog.line("c0", "free", 1, "t") + "\n");
    assertThatThrownBy(() -> PrefixFixtures.gate(dir, """
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: 5, seed: 1, key: md5, dedup: true }
        """)).isInstanceOf(SpecException.class).hasMessageContaining("'key: md5' keys user turns by conversation id");
  }

  private static Set<String> idSet(Sample s) {
    return new TreeSet<>(SourcesTests.ids(s));
  }

  private Sample sample(String key) throws IOException {
    return PrefixFixtures.sample(dir, """
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: 50, seed: 3, key: %s }
        """.formatted(key));
  }
}
