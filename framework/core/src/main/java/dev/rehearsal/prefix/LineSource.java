package dev.rehearsal.prefix;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A JSON-lines file, plain or gzip (detected from the magic bytes, not the name); one record a line. */
final class LineSource implements RecordSource {

  private final Path file;
  private final RecordParser parser;
  private final List<InputFile> inputs = new CopyOnWriteArrayList<>();

  LineSource(Path file, RecordParser parser) {
    this.file = file;
    this.parser = parser;
  }

  @Override
  public String name() {
    return file.toString();
  }

  @Override
  public List<InputFile> inputs() {
    return List.copyOf(inputs);
  }

  /** Opens this source's file, recording its size and hash when the read reaches the end. */
  BufferedReader open() throws IOException {
    return open(file, inputs::add);
  }

  @Override
  public void read(RecordSink sink) throws IOException {
    try (BufferedReader reader = open()) {
      String line;
      long lineNumber = 0;
      while ((line = readLine(reader, file, lineNumber + 1)) != null) {
        lineNumber++;
        if (!line.isBlank()) {
          parse(line, lineNumber, sink);
        }
      }
    }
  }

  /** Parses one non-blank line into the sink (also called by the parallel reader's workers). */
  void parse(String line, long lineNumber, RecordSink sink) throws BadDataException {
    try {
      sink.accept(parser.parse(line, file.getFileName() + ":" + lineNumber, lineNumber));
    } catch (BadRecordException e) {
      sink.reject(lineNumber, file + ":" + lineNumber, e.getMessage());
    }
  }

  Path file() {
    return file;
  }

  /**
   * Opens a file as strict UTF-8 text (malformed bytes are an error, not a silent U+FFFD),
   * decompressing it when its first bytes are the gzip magic number, and dropping a leading
   * byte-order mark (Excel's "CSV UTF-8" writes one; left in, it becomes part of the first column's
   * name or the first JSON token). {@code onEnd} receives the file's size and hash once the read
   * reached its end unchanged (see {@link CheckedInput}).
   */
  static BufferedReader open(Path file, Consumer<InputFile> onEnd) throws IOException {
    InputStream in = new BufferedInputStream(new CheckedInput(file, onEnd), 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      in = new GzipErrors(file, in);
    }
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    // The byte-order mark is skipped as bytes: reading a char here would decode the first buffer and
    // raise a malformed-input error outside readLine, where it gets its file and line.
    in = new BufferedInputStream(in, 1 << 16);
    in.mark(3);
    if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) {
      in.reset();
    }
    return new BufferedReader(new InputStreamReader(in, utf8), 1 << 16);
  }

  /** The next line; bytes that are not UTF-8 are a bad-data error naming file and line. */
  static String readLine(BufferedReader reader, Path file, long lineNumber) throws IOException {
    try {
      return reader.readLine();
    } catch (CharacterCodingException e) {
      // The decoder reads ahead of the line in hand: find the bad line by scanning the bytes again.
      throw new BadDataException(file + ":" + firstBadLine(file) + ": not valid UTF-8 (" + e.getMessage() + ")."
          + " Logs must be UTF-8: re-encode the file (e.g. iconv -f WINDOWS-1252 -t UTF-8) or remove the line.");
    }
  }

  private static long firstBadLine(Path file) throws IOException {
    try (InputStream in = bytes(file)) {
      CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
      java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
      long number = 1;
      for (int b = in.read(); ; b = in.read()) {
        if (b == '\n' || b < 0) {
          try {
            utf8.decode(java.nio.ByteBuffer.wrap(line.toByteArray()));
          } catch (CharacterCodingException e) {
            return number;
          }
          if (b < 0) {
            return number;
          }
          line.reset();
          number++;
        } else {
          line.write(b);
        }
      }
    }
  }

  private static InputStream bytes(Path file) throws IOException {
    InputStream in = new BufferedInputStream(java.nio.file.Files.newInputStream(file), 1 << 16);
    in.mark(2);
    boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
    in.reset();
    return gzip ? new GzipErrors(file, in) : in;
  }
}
