package dev.rehearsal.prefix;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** A JSON-lines file, plain or gzip (detected from the magic bytes, not the name); one record a line. */
final class LineSource implements RecordSource {

  private final Path file;
  private final RecordParser parser;

  LineSource(Path file, RecordParser parser) {
    this.file = file;
    this.parser = parser;
  }

  @Override
  public String name() {
    return file.toString();
  }

  @Override
  public void read(RecordSink sink) throws IOException {
    try (BufferedReader reader = open(file)) {
      String line;
      long lineNumber = 0;
      while ((line = reader.readLine()) != null) {
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
   * Opens a file as UTF-8 text, decompressing it when its first bytes are the gzip magic number and
   * dropping a leading byte-order mark (Excel's "CSV UTF-8" writes one; left in, it becomes part of
   * the first column's name or the first JSON token).
   */
  static BufferedReader open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
    return reader;
  }
}
