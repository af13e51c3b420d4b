package dev.rehearsal.run.store;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks a stored payload's UTF-8 bytes against its lower-case hex SHA-256 checksum, as {@code
 * CanonicalJson.sha256(payload)} wrote it, without a String, a hex text or a digest array per row:
 * a warm rerun checks 10^5 of them, and their garbage was a share of its young-GC pauses.
 */
final class PayloadChecksum {

  private static final ThreadLocal<PayloadChecksum> MINE = ThreadLocal.withInitial(PayloadChecksum::new);
  private static final String HEX = "0123456789abcdef";

  private final MessageDigest digest;
  private final byte[] sum = new byte[32];

  private PayloadChecksum() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }

  /** Whether {@code checksum} is the lower-case hex SHA-256 of {@code utf8}. */
  static boolean matches(byte[] utf8, String checksum) {
    return MINE.get().check(utf8, checksum);
  }

  private boolean check(byte[] utf8, String checksum) {
    if (checksum.length() != 2 * sum.length) {
      return false;
    }
    digest.reset();
    digest.update(utf8);
    try {
      digest.digest(sum, 0, sum.length);
    } catch (DigestException e) {
      throw new IllegalStateException("SHA-256 gives 32 bytes", e);
    }
    for (int i = 0; i < sum.length; i++) {
      if (checksum.charAt(2 * i) != HEX.charAt((sum[i] >> 4) & 0xF)
          || checksum.charAt(2 * i + 1) != HEX.charAt(sum[i] & 0xF)) {
        return false;
      }
    }
    return true;
  }
}
