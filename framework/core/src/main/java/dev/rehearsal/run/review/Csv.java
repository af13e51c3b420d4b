package dev.rehearsal.run.review;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: quoting on write, records (with the line each starts on) on read. */
final class Csv {

  /** One record and the 1-based line it starts on. */
  record Record(int line, List<String> fields) {}

  private Csv() {}

  static String quote(String value) {
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }

  /** Parses {@code text}; a quote left open stops with the line it was opened on. */
  static List<Record> parse(String text, String file) {
    List<Record> out = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int line = 1;
    int start = 1;
    int quoteLine = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          line += ch == '\n' ? 1 : 0;
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
        quoteLine = line;
      } else if (ch == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        field.setLength(0);
        add(out, start, fields);
        fields = new ArrayList<>();
        line++;
        start = line;
      } else {
        field.append(ch);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException(file + ":" + quoteLine + ": a quoted field is never closed. Double every"
          + " quote inside a quoted field (\"\") and close it.");
    }
    fields.add(field.toString());
    add(out, start, fields);
    return out;
  }

  private static void add(List<Record> out, int line, List<String> fields) {
    if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
      out.add(new Record(line, List.copyOf(fields)));
    }
  }
}
