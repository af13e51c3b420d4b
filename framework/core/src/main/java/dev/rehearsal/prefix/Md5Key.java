package dev.rehearsal.prefix;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apiguardian.api.API;

/**
 * The portable sampling key ({@code sample.key: md5}): MD5 of {@code <seed>/<conversation id>/<ordinal>}
 * with its first 15 hex digits read as a non-negative number. Every SQL engine has {@code md5} returning
 * lower-case hex, and ordering 15-digit hex strings orders these numbers, so a SQL engine ranks user
 * turns exactly as this key does without converting hex (which each engine does differently).
 * Not a security hash: MD5 only has to spread keys uniformly.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Md5Key {

  /** Hex digits kept: 60 bits, so the number fits a non-negative {@code long}. */
  public static final int HEX_DIGITS = 15;

  private Md5Key() {}

  /** The key of a user turn. */
  public static long of(long seed, String conversationId, int ordinal) {
    return Long.parseLong(hex(seed, conversationId, ordinal).substring(0, HEX_DIGITS), 16);
  }

  /** The full lower-case MD5 hex of the key text, as SQL's {@code md5(text)} returns it. */
  public static String hex(long seed, String conversationId, int ordinal) {
    byte[] digest = md5().digest((seed + "/" + conversationId + "/" + ordinal).getBytes(StandardCharsets.UTF_8));
    StringBuilder out = new StringBuilder(32);
    for (byte b : digest) {
      out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return out.toString();
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform provides MD5", e);
    }
  }
}
