package dev.rehearsal.prefix;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A prompt suite in CSV (RFC 4180: comma-separated, double-quoted fields may hold commas, quotes as
 * {@code ""} and line breaks), plain or gzip, with a header row naming the columns.
 */
final class CsvSource implements RecordSource {

  private final Path file;
  private final PromptRecords rows;

  CsvSource(Path file, PromptRecords rows) {
    this.file = file;
    this.rows = rows;
  }

  private final java.util.List<InputFile> inputs = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Override
  public java.util.List<InputFile> inputs() {
    return java.util.List.copyOf(inputs);
  }

  @Override
  public String name() {
    return file.toString();
  }

  @Override
  public void read(RecordSink sink) throws IOException {
    try (BufferedReader reader = LineSource.open(file, inputs::add)) {
      CsvReader csv = new CsvReader(reader);
      List<String> header = csv.next();
      if (header == null) {
        throw new BadDataException(file + ":1: the CSV file is empty; it needs a header row naming the columns.");
      }
      String shortName = file.getFileName().toString();
      List<String> fields;
      while ((fields = csv.next()) != null) {
        long line = csv.recordLine();
        if (fields.size() == 1 && fields.get(0).isBlank()) {
          continue;
        }
        if (csv.unterminated()) {
          sink.reject(line, file + ":" + line, "a quoted field is never closed (a '\"' is missing)");
        } else if (fields.size() != header.size()) {
          sink.reject(line, file + ":" + line, "has " + fields.size() + " fields but the header has " + header.size()
              + " (quote fields that contain commas)");
        } else {
          accept(sink, header, fields, shortName + ":" + line, line);
        }
      }
    }
  }

  private void accept(RecordSink sink, List<String> header, List<String> fields, String id, long line)
      throws BadDataException {
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      row.put(header.get(i), fields.get(i));
    }
    try {
      sink.accept(rows.row(row, id, line));
    } catch (BadRecordException e) {
      sink.reject(line, file + ":" + line, e.getMessage());
    }
  }

  /** A streaming RFC 4180 record reader that remembers the line each record starts on. */
  static final class CsvReader {
    private final BufferedReader in;
    private long line = 1;
    private long recordLine;
    private boolean unterminated;

    CsvReader(BufferedReader in) {
      this.in = in;
    }

    long recordLine() {
      return recordLine;
    }

    boolean unterminated() {
      return unterminated;
    }

    /** The next record's fields, or null at the end of the input. */
    List<String> next() throws IOException {
      recordLine = line;
      int c = in.read();
      if (c == -1) {
        return null;
      }
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      while (true) {
        if (c == -1) {
          unterminated = quoted;
          fields.add(field.toString());
          return fields;
        }
        if (quoted) {
          if (c == '"') {
            in.mark(1);
            int d = in.read();
            if (d == '"') {
              field.append('"');
            } else {
              quoted = false;
              in.reset();
            }
          } else {
            line += c == '\n' ? 1 : 0;
            field.append((char) c);
          }
        } else if (c == '"' && field.length() == 0) {
          quoted = true;
        } else if (c == ',') {
          fields.add(field.toString());
          field.setLength(0);
        } else if (c == '\n') {
          line++;
          fields.add(field.toString());
          return fields;
        } else if (c != '\r') {
          field.append((char) c);
        }
        c = in.read();
      }
    }
  }
}
