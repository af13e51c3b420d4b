package dev.rehearsal.model.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * SHA-256 of canonical JSON written as UTF-8 straight into the digest: the bytes of {@code
 * CanonicalJson.of(value).getBytes(UTF_8)} without building the text. A cache key is one per model
 * call, and Jackson's writer, the String and its encoding, and then the maps the key's content was
 * put in were most of a warm rerun's key time (issue 13 item 4). Kinds other than those written here
 * go through {@link CanonicalJson#of}, so every value still has exactly one canonical text;
 * CanonicalDigestTests and CacheKeyTests hold the two equal.
 *
 * <p>Objects can be written field by field ({@link #beginObject}, {@link #name}, ...), and then the
 * caller must give the names in {@link String#compareTo} order, as canonical JSON sorts them. One
 * digest at a time per thread: {@link #start} resets the thread's one.
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class CanonicalDigest {

  /** Jackson's escapes: its short ones, else backslash-u with upper-case hex (CharTypes). */
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] LOWER_HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final ThreadLocal<CanonicalDigest> MINE = ThreadLocal.withInitial(CanonicalDigest::new);

  private final MessageDigest digest;
  /** Bytes not yet handed to the digest: one update per 8 KiB instead of one per byte. */
  private final byte[] buf = new byte[8192];
  private int n;
  private final byte[] sum = new byte[32];
  /** A text's characters, a part at a time (at most 6 bytes each fit the buffer after a flush). */
  private final char[] chars = new char[1024];
  /** Whether the next value, name or container follows a value at the same level. */
  private boolean comma;

  private CanonicalDigest() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }

  static String sha256(@Nullable Object value) {
    return start().value(value).finish();
  }

  /** This thread's digest, emptied (a value that threw last time, a NaN say, may have left bytes). */
  public static CanonicalDigest start() {
    CanonicalDigest d = MINE.get();
    d.n = 0;
    d.comma = false;
    d.digest.reset();
    return d;
  }

  /** Lower-case hex SHA-256 of what was written. */
  public String finish() {
    digestInto();
    return hex(sum);
  }

  /** Hands the buffered bytes to the digest and completes it into {@link #sum}. */
  private void digestInto() {
    digest.update(buf, 0, n);
    n = 0;
    try {
      digest.digest(sum, 0, sum.length);
    } catch (java.security.DigestException e) {
      throw new IllegalStateException("SHA-256 gives 32 bytes", e);
    }
  }

  /**
   * Whether {@code hex} is what {@link #finish} would return, checked without building that text: a
   * warm rerun checks 10^5 stored payloads against their checksums.
   */
  public boolean finishMatches(String hex) {
    digestInto();
    if (hex.length() != 2 * sum.length) {
      return false;
    }
    for (int i = 0; i < sum.length; i++) {
      if (hex.charAt(2 * i) != LOWER_HEX[(sum[i] >> 4) & 0xF] || hex.charAt(2 * i + 1) != LOWER_HEX[sum[i] & 0xF]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Lower-case hex of {@code bytes} in one String: {@code HexFormat.formatHex} builds a
   * StringBuilder and copies it (a cache key per model call, 10^5 per run).
   */
  static String hex(byte[] bytes) {
    byte[] out = new byte[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = LOWER_HEX[(bytes[i] >> 4) & 0xF];
      out[2 * i + 1] = LOWER_HEX[bytes[i] & 0xF];
    }
    return new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /**
   * Canonical JSON bytes written as they are, then treated as one value (a comma comes before the
   * next): a part shared by many digests, such as a model entry's settings, encoded once by
   * {@link CanonicalJson#of}. The caller keeps the name order (see the class comment).
   */
  public CanonicalDigest raw(byte[] canonical) {
    separate();
    put(canonical, 0, canonical.length);
    comma = true;
    return this;
  }

  public CanonicalDigest beginObject() {
    separate();
    put('{');
    return this;
  }

  public CanonicalDigest endObject() {
    put('}');
    comma = true;
    return this;
  }

  public CanonicalDigest beginArray() {
    separate();
    put('[');
    return this;
  }

  public CanonicalDigest endArray() {
    put(']');
    comma = true;
    return this;
  }

  /** The next field's name; names must come in {@link String#compareTo} order. */
  public CanonicalDigest name(String name) {
    separate();
    string(name);
    put(':');
    return this;
  }

  /** A value's canonical JSON, as {@link CanonicalJson#of} writes it. */
  public CanonicalDigest value(@Nullable Object value) {
    separate();
    write(value);
    comma = true;
    return this;
  }

  /**
   * Raw text: {@code s} in UTF-8 as {@link String#getBytes} encodes it (a lone surrogate becomes
   * '?'), neither quoted nor escaped, and no separator. For digests of text that is not JSON (the run
   * store's length-prefixed item rows); not to be mixed with the JSON methods in one digest.
   */
  public CanonicalDigest text(String s) {
    string(s, false);
    return this;
  }

  /** Raw bytes as they are, as {@link #text} writes a text's UTF-8: for checksums of stored bytes. */
  public CanonicalDigest bytes(byte[] raw) {
    put(raw, 0, raw.length);
    return this;
  }

  /**
   * The opening of an object or field as canonical JSON bytes, written as they are, ending where a
   * value follows directly (so no comma comes before it): {@code {"a":1,"b":}}, say. The caller
   * keeps the name order (see the class comment).
   */
  public CanonicalDigest opening(byte[] canonical) {
    separate();
    put(canonical, 0, canonical.length);
    return this;
  }

  private void separate() {
    if (comma) {
      put(',');
      comma = false;
    }
  }

  /** The kinds and their order are {@code CanonicalJson.write}'s. */
  private void write(@Nullable Object value) {
    if (value == null) {
      ascii("null");
    } else if (value instanceof String s) {
      string(s);
    } else if (value instanceof Boolean b) {
      ascii(b ? "true" : "false");
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      ascii(Long.toString(((Number) value).longValue()));
    } else if (value instanceof Number num && CanonicalJson.number(num) != null) {
      decimal(java.util.Objects.requireNonNull(CanonicalJson.number(num)));
    } else if (value instanceof Map<?, ?> map && stringKeys(map)) {
      object(map);
    } else if (value instanceof List<?> list) {
      array(list);
    } else if (value instanceof JsonNode node) {
      node(node);
    } else {
      string(CanonicalJson.of(value), false);
    }
  }

  /** A loop, not a stream: three maps per cache key, and a stream each was a seventh of what hashing allocated. */
  private static boolean stringKeys(Map<?, ?> map) {
    for (Object key : map.keySet()) {
      if (!(key instanceof String)) {
        return false;
      }
    }
    return true;
  }

  private void object(Map<?, ?> map) {
    put('{');
    boolean first = true;
    if (map instanceof SortedMap<?, ?> sorted && sorted.comparator() == null) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        first = field(first, (String) e.getKey(), e.getValue());
      }
    } else {
      String[] names = map.keySet().toArray(new String[0]);
      Arrays.sort(names);
      for (String name : names) {
        first = field(first, name, map.get(name));
      }
    }
    put('}');
  }

  private boolean field(boolean first, String name, @Nullable Object value) {
    if (!first) {
      put(',');
    }
    string(name);
    put(':');
    write(value);
    return false;
  }

  private void array(List<?> list) {
    put('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        put(',');
      }
      write(list.get(i));
    }
    put(']');
  }

  /** A parsed tree as {@code CanonicalJson.canonical} then Jackson would write it. */
  private void node(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<String> names = new ArrayList<>(node.size());
        node.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        put('{');
        for (int i = 0; i < names.size(); i++) {
          if (i > 0) {
            put(',');
          }
          string(names.get(i));
          put(':');
          node(node.get(names.get(i)));
        }
        put('}');
      }
      case ARRAY -> {
        put('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            put(',');
          }
          node(node.get(i));
        }
        put(']');
      }
      case STRING -> string(node.textValue());
      case BOOLEAN -> ascii(node.booleanValue() ? "true" : "false");
      case NULL -> ascii("null");
      case NUMBER -> {
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
          string(CanonicalJson.of(node), false); // fails as it always did
        } else {
          decimal(node.decimalValue());
        }
      }
      default -> string(CanonicalJson.of(node), false);
    }
  }

  /** Without trailing zeros; an integer as one (no exponent), else BigDecimal's own text. */
  private void decimal(BigDecimal value) {
    BigDecimal d = value.stripTrailingZeros();
    ascii(d.scale() <= 0 ? d.toBigIntegerExact().toString() : d.toString());
  }

  private void ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      put(s.charAt(i));
    }
  }

  private void string(String s) {
    string(s, true);
  }

  /**
   * {@code s} in UTF-8 as {@link String#getBytes} encodes it (a lone surrogate becomes '?'), quoted
   * and escaped as Jackson escapes, or raw when it is canonical JSON already. The characters are
   * copied out a part at a time and encoded in one loop without a flush check per byte: a
   * character at a time through {@link String#charAt} and {@link #put}, this was a fifth of a warm
   * rerun's key time, and the JDK's encoder would allocate an array per text.
   */
  private void string(String s, boolean quoted) {
    if (quoted) {
      put('"');
    }
    int length = s.length();
    for (int start = 0; start < length; ) {
      int end = Math.min(length, start + chars.length);
      if (end < length && Character.isHighSurrogate(s.charAt(end - 1))) {
        end--; // encoded with its low surrogate, in the next part
      }
      s.getChars(start, end, chars, 0);
      encode(end - start, quoted);
      start = end;
    }
    if (quoted) {
      put('"');
    }
  }

  /** Encodes {@code chars[0, count)}; first makes room for the longest encoding, 6 bytes a character. */
  private void encode(int count, boolean quoted) {
    if (buf.length - n < 6 * count) {
      digest.update(buf, 0, n);
      n = 0;
    }
    for (int i = 0; i < count; i++) {
      char c = chars[i];
      if (c < 0x80) {
        if (!quoted || (c >= 0x20 && c != '"' && c != '\\')) {
          buf[n++] = (byte) c;
        } else {
          escape(c);
        }
      } else if (c < 0x800) {
        buf[n++] = (byte) (0xC0 | (c >> 6));
        buf[n++] = (byte) (0x80 | (c & 0x3F));
      } else if (!Character.isSurrogate(c)) {
        buf[n++] = (byte) (0xE0 | (c >> 12));
        buf[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buf[n++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < count && Character.isLowSurrogate(chars[i + 1])) {
        int cp = Character.toCodePoint(c, chars[++i]);
        buf[n++] = (byte) (0xF0 | (cp >> 18));
        buf[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        buf[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        buf[n++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        buf[n++] = '?';
      }
    }
  }

  private void escape(char c) {
    put('\\');
    switch (c) {
      case '"', '\\' -> put(c);
      case '\b' -> put('b');
      case '\t' -> put('t');
      case '\n' -> put('n');
      case '\f' -> put('f');
      case '\r' -> put('r');
      default -> {
        ascii("u00");
        put(HEX[c >> 4]);
        put(HEX[c & 0xF]);
      }
    }
  }

  private void put(byte[] bytes, int offset, int length) {
    if (length > buf.length - n) {
      digest.update(buf, 0, n);
      n = 0;
      if (length > buf.length) {
        digest.update(bytes, offset, length);
        return;
      }
    }
    System.arraycopy(bytes, offset, buf, n, length);
    n += length;
  }

  private void put(int b) {
    if (n == buf.length) {
      digest.update(buf, 0, n);
      n = 0;
    }
    buf[n++] = (byte) b;
  }
}
