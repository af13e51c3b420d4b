package dev.rehearsal.prefix;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * The raw bytes of an input file, hashed as they are read. At the end of the read it checks that
 * the bytes read, the file's size now and its size and modification time at the start all agree;
 * if not, the read fails with {@link InputChangedException}. A log truncated mid-read used to end
 * in a SHIP on half the log with no word (issue 12, item 4).
 */
final class CheckedInput extends FilterInputStream {

  /**
   * Called with each file right after its size was taken at the start of a read. Tests use it to
   * change a log mid-read deterministically; it does nothing otherwise.
   */
  static volatile Consumer<Path> afterOpen = file -> {};

  private final Path file;
  private final long sizeAtStart;
  private final FileTime modifiedAtStart;
  private final MessageDigest digest;
  private final Consumer<InputFile> onEnd;
  private long read;
  private boolean ended;

  CheckedInput(Path file, Consumer<InputFile> onEnd) throws IOException {
    super(Files.newInputStream(file));
    this.file = file;
    this.sizeAtStart = Files.size(file);
    this.modifiedAtStart = Files.getLastModifiedTime(file);
    this.onEnd = onEnd;
    afterOpen.accept(file);
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      digest.update(b, off, n);
      read += n;
    } else if (n < 0 && !ended) {
      ended = true;
      check();
    }
    return n;
  }

  // Skipped bytes are read, so the hash covers every byte.
  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[(int) Math.min(n, 8192)];
    int got = read(buffer, 0, buffer.length);
    return Math.max(got, 0);
  }

  private void check() throws IOException {
    long sizeNow = Files.size(file);
    FileTime modifiedNow = Files.getLastModifiedTime(file);
    if (read != sizeAtStart || sizeNow != sizeAtStart || !modifiedNow.equals(modifiedAtStart)) {
      throw new InputChangedException(file + " changed while it was read: " + sizeAtStart + " bytes at the start, "
          + read + " read, " + sizeNow + " now (modified " + modifiedAtStart + " -> " + modifiedNow + "). The"
          + " sample would describe a log that no longer exists; run the gate on a copy or snapshot that nothing"
          + " writes to (e.g. after log rotation).");
    }
    onEnd.accept(new InputFile(file.toString(), read, HexFormat.of().formatHex(digest.digest())));
  }
}
