package dev.rehearsal.run.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.conversation.ToolCall;
import dev.rehearsal.model.ModelReply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Stored replies are read token by token when they have the written shape; whatever a payload
 * holds, the reply read must be the one Jackson's tree gives, as before.
 */
class ReplyCodecTests {

  private static final String[] TEXTS = {"", "ok", "é \"quoted\" \\ \n\t\u0001", "日本 \ud83d\ude00", "{\"a\":1}",
      "null", "x".repeat(3000)};
  /** Field values of every JSON kind, for payloads of other shapes. */
  private static final String[] VALUES = {"\"s\"", "\"\"", "0", "-3", "12.5", "1e3", "99999999999999999999999",
      "9223372036854775807", "true", "null", "[]", "[1,\"a\"]", "{}", "{\"id\":\"x\"}",
      "[{\"id\":\"c\",\"name\":\"n\",\"arguments\":\"{}\"}]", "[{\"id\":1}]", "[[]]", "[{\"id\":\"a\",\"id\":\"b\"}]",
      "[{\"extra\":\"e\"}]", "[null]", "[{\"name\":\"n\"}]"};
  private static final String[] NAMES = {"text", "finishReason", "inputTokens", "outputTokens", "latencyMicros",
      "toolCalls", "other"};

  @Test
  void reads_back_every_written_reply() {
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 5_000; i++) {
      ModelReply reply = reply(random);
      String payload = ReplyCodec.encode(reply);
      assertThat(ReplyCodec.decode(payload)).as(payload).contains(reply).isEqualTo(ReplyCodec.tree(payload));
    }
  }

  @Test
  void reads_payloads_of_other_shapes_as_the_tree_reader_does() {
    SplittableRandom random = new SplittableRandom(6);
    for (int i = 0; i < 20_000; i++) {
      String payload = otherShape(random);
      assertThat(ReplyCodec.decode(payload)).as(payload).isEqualTo(ReplyCodec.tree(payload));
    }
  }

  @Test
  void reads_damaged_payloads_as_the_tree_reader_does() {
    SplittableRandom random = new SplittableRandom(7);
    List<String> damaged = new ArrayList<>(List.of("", " ", "null", "[]", "\"text\"", "{", "{}", "{\"text\":\"a\"}",
        "{\"text\":\"a\",\"toolCalls\":[]} trailing", "{\"text\":\"a\",\"toolCalls\":[]}{"));
    for (int i = 0; i < 5_000; i++) {
      String payload = ReplyCodec.encode(reply(random));
      int cut = random.nextInt(payload.length());
      damaged.add(random.nextBoolean() ? payload.substring(0, cut)
          : payload.substring(0, cut) + "\"{}[],:0x".charAt(random.nextInt(9)) + payload.substring(cut + 1));
    }
    for (String payload : damaged) {
      assertThat(ReplyCodec.decode(payload)).as(payload).isEqualTo(ReplyCodec.tree(payload));
    }
  }

  @Test
  void reads_stored_bytes_as_the_text_they_encode() {
    SplittableRandom random = new SplittableRandom(8);
    for (int i = 0; i < 10_000; i++) {
      String written = i % 2 == 0 ? ReplyCodec.encode(reply(random)) : otherShape(random);
      byte[] whole = written.getBytes(StandardCharsets.UTF_8);
      byte[] bytes = whole;
      int damage = random.nextInt(6);
      if (damage == 0) {
        // Damaged bytes, also invalid UTF-8: a high byte anywhere, or the payload cut inside a character.
        int at = random.nextInt(bytes.length);
        bytes = random.nextBoolean() ? Arrays.copyOf(bytes, at) : bytes.clone();
        if (at < bytes.length) {
          bytes[at] = (byte) random.nextInt(0x80, 0x100);
        }
      } else if (damage == 1) {
        // A byte of a multi-byte character left out: often the text's last one, just before its quote.
        int[] high = java.util.stream.IntStream.range(0, bytes.length).filter(k -> whole[k] < 0).toArray();
        if (high.length > 0) {
          int at = high[random.nextInt(high.length)];
          byte[] cut = new byte[bytes.length - 1];
          System.arraycopy(bytes, 0, cut, 0, at);
          System.arraycopy(bytes, at + 1, cut, at, bytes.length - at - 1);
          bytes = cut;
        }
      }
      String text = new String(bytes, StandardCharsets.UTF_8);
      assertThat(ReplyCodec.decode(bytes)).as(text).isEqualTo(ReplyCodec.decode(text));
    }
  }

  private static ModelReply reply(SplittableRandom r) {
    List<ToolCall> calls = new ArrayList<>();
    for (int i = r.nextInt(3) == 0 ? r.nextInt(1, 4) : 0; i > 0; i--) {
      calls.add(new ToolCall(text(r), text(r), text(r)));
    }
    return new ModelReply(text(r), calls, r.nextBoolean() ? "stop" : text(r), r.nextLong(0, 1L << 40),
        r.nextInt(1000), Duration.ofNanos(r.nextLong(0, 1L << 40) * 1000));
  }

  /** Known fields, some missing, repeated or unknown, in any order, mostly of the written types. */
  private static String otherShape(SplittableRandom r) {
    List<String> parts = new ArrayList<>();
    for (String name : NAMES) {
      for (int copies = r.nextInt(10) == 0 ? 2 : r.nextInt(4) > 0 ? 1 : 0; copies > 0; copies--) {
        parts.add('"' + name + "\":" + (r.nextInt(4) > 0 ? written(name, r) : VALUES[r.nextInt(VALUES.length)]));
      }
    }
    for (int i = parts.size() - 1; i > 0; i--) {
      parts.set(i, parts.set(r.nextInt(i + 1), parts.get(i)));
    }
    return "{" + String.join(",", parts) + "}";
  }

  private static String written(String name, SplittableRandom r) {
    return switch (name) {
      case "text", "finishReason" -> "\"" + r.nextInt(100) + "\"";
      case "toolCalls" -> CALLS[r.nextInt(CALLS.length)];
      case "other" -> VALUES[r.nextInt(VALUES.length)];
      default -> String.valueOf(r.nextLong(-5, 1L << 50));
    };
  }

  private static final String[] CALLS = {"[]", "[{\"id\":\"c\",\"name\":\"n\",\"arguments\":\"{}\"}]",
      "[{\"name\":\"n\"}]", "[{\"arguments\":\"a\",\"id\":\"i\"}]", "[{}]", "[{\"id\":\"a\"},{\"name\":\"b\"}]"};

  private static String text(SplittableRandom r) {
    return TEXTS[r.nextInt(TEXTS.length)] + (r.nextBoolean() ? "" : String.valueOf((char) r.nextInt(0x20, 0xd7ff)));
  }
}
