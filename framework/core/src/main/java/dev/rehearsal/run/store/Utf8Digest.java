package dev.rehearsal.run.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a stream of strings, fed as their UTF-8 bytes through one buffer: the same digest as
 * {@code getBytes(UTF_8)} of their concatenation (an unpaired surrogate becomes '?' either way), without
 * a String and a byte array per piece. ASCII, nearly all of what a run's items hold, is copied as is.
 */
final class Utf8Digest {

  private final MessageDigest sha;
  private final byte[] buffer = new byte[8192];
  private int used;

  Utf8Digest() {
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Adds the UTF-8 bytes of {@code s}. */
  Utf8Digest text(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        // The rest as the JDK encodes it; i is never inside a surrogate pair (its first half is >= 0x80).
        flush();
        sha.update(s.substring(i).getBytes(StandardCharsets.UTF_8));
        return this;
      }
      if (used == buffer.length) {
        flush();
      }
      buffer[used++] = (byte) c;
    }
    return this;
  }

  /** Adds the decimal digits of {@code value} (what {@code Integer.toString} writes). */
  Utf8Digest number(int value) {
    if (value < 0) {
      return text(Integer.toString(value));
    }
    int digits = 1;
    for (int v = value; v >= 10; v /= 10) {
      digits++;
    }
    if (used + digits > buffer.length) {
      flush();
    }
    for (int i = used + digits - 1, v = value; i >= used; i--, v /= 10) {
      buffer[i] = (byte) ('0' + v % 10);
    }
    used += digits;
    return this;
  }

  /** The digest of everything added, as 64 lower-case hex digits. */
  String hex() {
    flush();
    return HexFormat.of().formatHex(sha.digest());
  }

  private void flush() {
    sha.update(buffer, 0, used);
    used = 0;
  }
}
