package dev.rehearsal.run.store;

import dev.rehearsal.conversation.ToolCall;
import dev.rehearsal.model.ModelReply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a stored reply's UTF-8 bytes when they are laid out exactly as {@link ReplyCodec#encode}
 * writes them: its fields in its order, no spaces, strings with the escapes Jackson writes, integers
 * of at most 18 digits. Anything else gives null and goes to Jackson, as every payload did before.
 * A Jackson parser per reply (its context, buffers and symbol table) was the largest garbage of a
 * warm rerun, whose young-GC pauses were a third of its reading time (issue 13 item 4).
 */
final class WrittenReply {

  private static final byte[] TEXT = ascii("{\"text\":");
  private static final byte[] FINISH = ascii(",\"finishReason\":");
  private static final byte[] INPUT = ascii(",\"inputTokens\":");
  private static final byte[] OUTPUT = ascii(",\"outputTokens\":");
  private static final byte[] LATENCY = ascii(",\"latencyMicros\":");
  private static final byte[] CALLS = ascii(",\"toolCalls\":[");
  private static final byte[] ID = ascii("{\"id\":");
  private static final byte[] NAME = ascii(",\"name\":");
  private static final byte[] ARGUMENTS = ascii(",\"arguments\":");
  private static final byte[] CLOSE = ascii("}");
  private static final byte[] END = ascii("]}");

  private final byte[] b;
  private int at;
  /** Set when the bytes leave the written layout; every step then does nothing. */
  private boolean off;

  private WrittenReply(byte[] bytes) {
    this.b = bytes;
  }

  /** The reply, or null when {@code bytes} are not laid out as written. */
  static @Nullable ModelReply read(byte[] bytes) {
    return new WrittenReply(bytes).reply();
  }

  private @Nullable ModelReply reply() {
    expect(TEXT);
    String text = string();
    expect(FINISH);
    String finish = string();
    expect(INPUT);
    long input = number();
    expect(OUTPUT);
    long output = number();
    expect(LATENCY);
    long latency = number();
    expect(CALLS);
    List<ToolCall> calls = calls();
    expect(END);
    if (off || at != b.length || text == null || finish == null || latency > Long.MAX_VALUE / 1000) {
      return null;
    }
    return new ModelReply(text, calls, finish, input, output, Duration.ofNanos(latency * 1000));
  }

  private List<ToolCall> calls() {
    if (at < b.length && b[at] == ']') {
      return List.of();
    }
    List<ToolCall> calls = new ArrayList<>();
    do {
      expect(ID);
      String id = string();
      expect(NAME);
      String name = string();
      expect(ARGUMENTS);
      String arguments = string();
      expect(CLOSE);
      if (off || id == null || name == null || arguments == null) {
        return List.of();
      }
      calls.add(new ToolCall(id, name, arguments));
    } while (at < b.length && b[at] == ',' && ++at > 0);
    return calls;
  }

  private void expect(byte[] literal) {
    if (off || b.length - at < literal.length) {
      off = true;
      return;
    }
    for (int i = 0; i < literal.length; i++) {
      if (b[at + i] != literal[i]) {
        off = true;
        return;
      }
    }
    at += literal.length;
  }

  /**
   * A JSON string: its bytes between the quotes decoded as UTF-8 (a malformed sequence as the JDK
   * decodes it, which an escape, being ASCII, always ends), after its escapes are undone.
   */
  private @Nullable String string() {
    if (off || at >= b.length || b[at] != '"') {
      off = true;
      return null;
    }
    int start = ++at;
    while (at < b.length && b[at] != '"' && b[at] != '\\' && (b[at] < 0 || b[at] >= 0x20)) {
      at++;
    }
    if (at < b.length && b[at] == '"') {
      return new String(b, start, at++ - start, StandardCharsets.UTF_8);
    }
    return escaped(start);
  }

  /** The rest of a string with escapes, from {@code start} (only the escapes Jackson writes). */
  private @Nullable String escaped(int start) {
    byte[] out = new byte[b.length - start];
    int n = 0;
    for (at = start; at < b.length; at++) {
      byte c = b[at];
      if (c == '"') {
        at++;
        return new String(out, 0, n, StandardCharsets.UTF_8);
      }
      if (c >= 0 && c < 0x20) {
        break; // unescaped control character: not JSON
      }
      if (c != '\\') {
        out[n++] = c;
        continue;
      }
      int e = unescape();
      if (e < 0) {
        break;
      }
      out[n++] = (byte) e;
    }
    off = true;
    return null;
  }

  /** The ASCII character of the escape at {@code at} (left on its last byte), or -1. */
  private int unescape() {
    if (++at >= b.length) {
      return -1;
    }
    switch (b[at]) {
      case '"': return '"';
      case '\\': return '\\';
      case '/': return '/';
      case 'b': return '\b';
      case 'f': return '\f';
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'u':
        if (b.length - at < 5 || b[at + 1] != '0' || b[at + 2] != '0') {
          return -1;
        }
        int high = hex(b[at + 3]);
        int low = hex(b[at + 4]);
        at += 4;
        // Jackson writes \\u00XX for control characters only; other \\u escapes go to Jackson.
        return high < 0 || low < 0 || high > 7 ? -1 : high * 16 + low;
      default: return -1;
    }
  }

  private static int hex(byte c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  /** A JSON integer of at most 18 digits (so it fits a long), else off. */
  private long number() {
    if (off) {
      return 0;
    }
    boolean negative = at < b.length && b[at] == '-';
    int start = negative ? ++at : at;
    long value = 0;
    while (at < b.length && b[at] >= '0' && b[at] <= '9' && at - start < 19) {
      value = value * 10 + (b[at++] - '0');
    }
    int digits = at - start;
    if (digits == 0 || digits > 18 || (digits > 1 && b[start] == '0')) {
      off = true;
      return 0;
    }
    return negative ? -value : value;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
