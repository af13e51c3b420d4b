package dev.rehearsal.prefix;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A strict gzip reader (RFC 1952): every member's CRC-32 and length are checked, concatenated
 * members are read in turn, and anything else after the last member is an error. The JDK's
 * {@code GZIPInputStream} ignores bytes after a member that do not start a valid header (trailing
 * junk, or a second member cut inside its header), so a damaged log read as complete; and its own
 * errors are a bare {@code EOFException} without the file (issue 12). Each error here is a
 * {@link BadDataException} naming the file, the byte offset and the fix.
 */
final class GzipErrors extends InputStream {

  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  private final Path file;
  private final PushbackInputStream in;
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private final byte[] buffer = new byte[1 << 16];
  /** Compressed bytes consumed so far (the offset errors name). */
  private long offset;
  private long memberStart;
  /** How many bytes of {@link #buffer} the inflater was last given. */
  private int filled;
  private boolean ended;

  GzipErrors(Path file, InputStream compressed) throws IOException {
    this.file = file;
    this.in = new PushbackInputStream(compressed, buffer.length);
    header();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!ended) {
      int n = inflate(b, off, len);
      if (n > 0) {
        crc.update(b, off, n);
        return n;
      }
      if (inflater.finished()) {
        endOfMember();
      } else if (inflater.needsInput()) {
        fill();
      } else if (inflater.needsDictionary()) {
        throw corrupt("a preset dictionary, which gzip never uses");
      }
    }
    return -1;
  }

  private int inflate(byte[] b, int off, int len) throws BadDataException {
    try {
      return inflater.inflate(b, off, len);
    } catch (DataFormatException e) {
      throw corrupt("bad deflate data: " + e.getMessage());
    }
  }

  private void fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n < 0) {
      throw truncated("inside the compressed data of the member that starts at byte " + memberStart);
    }
    offset += n;
    filled = n;
    inflater.setInput(buffer, 0, n);
  }

  /** Checks the member's trailer, then starts the next member or ends at the end of the file. */
  private void endOfMember() throws IOException {
    int unused = inflater.getRemaining();
    if (unused > 0) {
      in.unread(buffer, filled - unused, unused);
      offset -= unused;
    }
    long expectedCrc = int32();
    long expectedSize = int32();
    if (expectedCrc != crc.getValue() || expectedSize != (inflater.getBytesWritten() & 0xffffffffL)) {
      throw corrupt("the member that starts at byte " + memberStart + " fails its CRC-32 or length check");
    }
    int next = in.read();
    if (next < 0) {
      ended = true;
      return;
    }
    in.unread(next);
    inflater.reset();
    crc.reset();
    header();
  }

  private void header() throws IOException {
    memberStart = offset;
    if (byte1() != 0x1f || byte1() != 0x8b) {
      throw new BadDataException(file + ": bytes after the end of the gzip stream, at byte " + memberStart
          + " (trailing junk, or a file appended to a gzip file). The data may be incomplete or"
          + " damaged: copy the file again or re-compress it; 'gzip -t " + file.getFileName()
          + "' checks a gzip file.");
    }
    if (byte1() != 8) {
      throw corrupt("the member at byte " + memberStart + " does not use deflate");
    }
    int flags = byte1();
    skip(6);
    if ((flags & FEXTRA) != 0) {
      skip(byte1() | byte1() << 8);
    }
    if ((flags & FNAME) != 0) {
      zeroTerminated();
    }
    if ((flags & FCOMMENT) != 0) {
      zeroTerminated();
    }
    if ((flags & FHCRC) != 0) {
      skip(2);
    }
  }

  private long int32() throws IOException {
    return (byte1() | byte1() << 8 | byte1() << 16 | (long) byte1() << 24) & 0xffffffffL;
  }

  private void zeroTerminated() throws IOException {
    while (byte1() != 0) {
      // skip the name or comment
    }
  }

  private void skip(int n) throws IOException {
    for (int i = 0; i < n; i++) {
      byte1();
    }
  }

  /** One byte of header or trailer; the end of the file here means the file was cut short. */
  private int byte1() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw truncated("inside the header or trailer of the member that starts at byte " + memberStart);
    }
    offset++;
    return b;
  }

  private BadDataException truncated(String where) {
    return new BadDataException(file + ": the gzip stream ends early (truncated) at byte " + offset + ", "
        + where + ". Copy the file again or re-compress it; 'gzip -t " + file.getFileName()
        + "' checks a gzip file.");
  }

  private BadDataException corrupt(String what) {
    return new BadDataException(file + ": the gzip stream is corrupt near byte " + offset + ": " + what
        + ". Copy the file again or re-compress it; 'gzip -t " + file.getFileName()
        + "' checks a gzip file.");
  }

  @Override
  public void close() throws IOException {
    inflater.end();
    in.close();
  }
}
