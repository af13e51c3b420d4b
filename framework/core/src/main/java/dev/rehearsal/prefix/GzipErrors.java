package dev.rehearsal.prefix;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipException;

/**
 * Turns the JDK's bare gzip errors ({@code EOFException: Unexpected end of ZLIB input stream}, no
 * file name) into a bad-data error that names the file and the fix (issue 12).
 */
final class GzipErrors extends FilterInputStream {

  private final Path file;

  GzipErrors(Path file, InputStream gzip) {
    super(gzip);
    this.file = file;
  }

  @Override
  public int read() throws IOException {
    try {
      return super.read();
    } catch (EOFException | ZipException e) {
      throw broken(e);
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      return super.read(b, off, len);
    } catch (EOFException | ZipException e) {
      throw broken(e);
    }
  }

  private BadDataException broken(IOException e) {
    String what = e instanceof EOFException ? "ends early (truncated)" : "is corrupt";
    return new BadDataException(file + ": the gzip stream " + what + " (" + e.getMessage() + "). Copy the file"
        + " again or re-compress it; 'gzip -t " + file.getFileName() + "' checks a gzip file.");
  }
}
