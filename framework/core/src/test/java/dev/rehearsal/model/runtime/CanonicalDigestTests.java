package dev.rehearsal.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Cache keys are SHA-256 of canonical JSON; the digest written straight from the value must hash
 * exactly the bytes of {@code CanonicalJson.of(value)}, or every stored reply would miss.
 */
class CanonicalDigestTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Characters Jackson escapes, short or as \\u00XX, and the UTF-8 lengths 1 to 4 and '?'. */
  private static final String[] PIECES = {"", "a", "\"", "\\", "/", "\b", "\t", "\n", "\f", "\r", "\u0000",
      "\u0001", "\u001f", " ", "\u007f", "\u0080", "é", "\u07ff", "\u0800", "日本", "\u2028", "\uffff",
      "\ud83d\ude00", "\ud83d", "\ude00", "\ude00\ud83d", "x\ud83d", "{\"k\":1}", "1.50", "null", "\u00a0"};

  @Test
  void hashes_the_bytes_of_the_canonical_text_of_random_nested_values() {
    SplittableRandom random = new SplittableRandom(13);
    for (int i = 0; i < 20_000; i++) {
      Object value = value(random, 0);
      assertThat(CanonicalJson.sha256Of(value)).as("value %s", value).isEqualTo(reference(value));
    }
  }

  private static final String[] NUMBER_TEXTS = {"0", "-0", "-0.0", "1.50", "1e3", "1.0E+2", "2.5e-8", "100",
      "12345678901234567890123", "9223372036854775807", "0.1", "1E-400", "-12.000"};

  @Test
  void hashes_every_kind_of_number_as_its_canonical_text() {
    List<Object> numbers = List.of(0, -7, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, (short) 3, (byte) -4,
        1.0, 0.7, -0.0, 1e-7, 1.5e21, 1e300, Double.MIN_VALUE, Double.MAX_VALUE, 0.7f, 1.0f, 3.4e38f, 1e-40f,
        new BigDecimal("1.50"), new BigDecimal("1E+3"), new BigDecimal("-0.000"), new BigDecimal("0E-10"),
        new BigDecimal("123.456e-30"), new BigInteger("123456789012345678901234567890"), new AtomicInteger(5));
    for (Object n : numbers) {
      Map<String, Object> value = Map.of("n", n, "list", List.of(n));
      assertThat(CanonicalJson.sha256Of(value)).as("%s (%s)", n, n.getClass().getSimpleName())
          .isEqualTo(reference(value));
    }
  }

  @Test
  void hashes_parsed_json_trees_as_their_canonical_text() throws Exception {
    SplittableRandom random = new SplittableRandom(17);
    for (int i = 0; i < 5_000; i++) {
      String number = NUMBER_TEXTS[random.nextInt(NUMBER_TEXTS.length)];
      String text = "{\"z\":" + number + ",\"v\":" + CanonicalJson.of(value(random, 0)) + ",\"a\":[" + number + "]}";
      Object tree = JSON.readTree(text);
      assertThat(CanonicalJson.sha256Of(Map.of("t", tree))).as(text).isEqualTo(reference(Map.of("t", tree)));
    }
  }

  @Test
  void hashes_values_jackson_maps_itself_as_their_canonical_text() {
    record Point(int x, String label) {}
    Map<Object, Object> numberKeys = new LinkedHashMap<>();
    numberKeys.put(2, "b");
    numberKeys.put(1, "a");
    Map<String, Object> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    caseInsensitive.put("a", 1);
    caseInsensitive.put("B", 2);
    List<Object> values = List.of(new Point(1, "é\n"), java.net.URI.create("http://127.0.0.1/%C3%A9?q=é"), 'c',
        new int[] {1, 2}, numberKeys, new String[] {"a", "\u0001"}, caseInsensitive);
    for (Object v : values) {
      assertThat(CanonicalJson.sha256Of(List.of(v))).as("%s", v).isEqualTo(reference(List.of(v)));
    }
  }

  @Test
  void hashes_texts_longer_than_its_buffers_with_characters_split_across_the_boundaries() {
    // The byte buffer holds 8,192 bytes; texts are encoded 1,024 characters at a time.
    java.util.stream.IntStream pads = java.util.stream.IntStream.concat(java.util.stream.IntStream.range(1015, 1030),
        java.util.stream.IntStream.concat(java.util.stream.IntStream.range(2040, 2052),
            java.util.stream.IntStream.range(8180, 8200)));
    for (int pad : pads.toArray()) {
      String text = "a".repeat(pad) + "\ud83d\ude00é日\u0001" + "b".repeat(pad);
      String lone = "a".repeat(pad) + "\ud83d" + "\n".repeat(pad);
      assertThat(CanonicalJson.sha256Of(Map.of("text", text))).isEqualTo(reference(Map.of("text", text)));
      assertThat(CanonicalJson.sha256Of(Map.of("text", lone))).isEqualTo(reference(Map.of("text", lone)));
    }
  }

  @Test
  void matches_the_hex_it_would_finish_with_and_no_other() {
    SplittableRandom random = new SplittableRandom(19);
    for (int i = 0; i < 2_000; i++) {
      byte[] bytes = text(random).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      String hex = CanonicalDigest.start().bytes(bytes).finish();
      assertThat(hex).isEqualTo(CanonicalJson.sha256(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
      assertThat(CanonicalDigest.start().bytes(bytes).finishMatches(hex)).isTrue();
      int at = random.nextInt(64);
      String other = hex.substring(0, at) + (hex.charAt(at) == '0' ? '1' : '0') + hex.substring(at + 1);
      assertThat(CanonicalDigest.start().bytes(bytes).finishMatches(other)).as("one digit off at %d", at).isFalse();
      assertThat(CanonicalDigest.start().bytes(bytes).finishMatches(hex.toUpperCase(java.util.Locale.ROOT)))
          .isEqualTo(hex.equals(hex.toUpperCase(java.util.Locale.ROOT)));
      assertThat(CanonicalDigest.start().bytes(bytes).finishMatches(hex.substring(1))).isFalse();
    }
  }

  @Test
  void fails_on_a_value_without_canonical_text_and_then_hashes_the_next_one_afresh() {
    Map<String, Object> nan = Map.of("a", "x".repeat(100), "n", Double.NaN);

    assertThatThrownBy(() -> CanonicalJson.of(nan)).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> CanonicalJson.sha256Of(nan)).isInstanceOf(NumberFormatException.class);
    assertThat(CanonicalJson.sha256Of("after")).isEqualTo(reference("after"));
  }

  private static String reference(Object value) {
    return CanonicalJson.sha256(CanonicalJson.of(value));
  }

  private static Object value(SplittableRandom r, int depth) {
    switch (r.nextInt(depth > 3 ? 9 : 11)) {
      case 0: return r.nextInt(20) == 0 ? null : r.nextBoolean();
      case 1: return r.nextInt(-1000, 1000);
      case 2: return r.nextDouble() * Math.pow(10, r.nextInt(-12, 25)) * (r.nextBoolean() ? 1 : -1);
      case 3: return (float) (r.nextDouble() * Math.pow(10, r.nextInt(-8, 8)));
      case 4: return new BigDecimal(BigInteger.valueOf(r.nextLong()), r.nextInt(-5, 12));
      case 5: return r.nextBoolean() ? (long) r.nextInt() * 1_000_003L : BigInteger.valueOf(r.nextLong()).pow(2);
      case 6: case 7: case 8: return text(r);
      case 9: {
        Map<String, Object> m = r.nextBoolean() ? new LinkedHashMap<>() : new TreeMap<>();
        for (int i = r.nextInt(5); i > 0; i--) {
          m.put(text(r), value(r, depth + 1));
        }
        return m;
      }
      default: {
        List<Object> l = new ArrayList<>();
        for (int i = r.nextInt(5); i > 0; i--) {
          l.add(value(r, depth + 1));
        }
        return l;
      }
    }
  }

  private static String text(SplittableRandom r) {
    StringBuilder s = new StringBuilder();
    // Now and then longer than the digest's short-text limit (32 characters), whose path differs.
    for (int i = r.nextInt(5) == 0 ? r.nextInt(10, 60) : r.nextInt(6); i > 0; i--) {
      s.append(r.nextInt(3) == 0 ? (char) r.nextInt(0x10000) : PIECES[r.nextInt(PIECES.length)]);
    }
    return s.toString();
  }
}
