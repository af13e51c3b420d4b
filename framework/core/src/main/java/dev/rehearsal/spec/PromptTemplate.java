package dev.rehearsal.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A prompt suite's template ({@code template: "{ContextString}\n\n{Behavior}"}): the user turn is
 * built from several columns by name, so a suite whose prompt needs a second column (HarmBench's
 * contextual behaviours) does not silently lose it. {@code {{} and {@code }}} write literal
 * braces. The result is stripped, so an empty column (AdvBench's ContextString) leaves no blank lines.
 *
 * @param text the template as written
 * @param parts literal text and column placeholders in order; a placeholder is {@code {name}}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PromptTemplate(String text, List<String> parts) {

  public PromptTemplate {
    parts = List.copyOf(parts);
  }

  /** Parses a template; throws {@link IllegalArgumentException} saying what is wrong and where. */
  public static PromptTemplate parse(String text) {
    List<String> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == '{' || c == '}') && i + 1 < text.length() && text.charAt(i + 1) == c) {
        literal.append(c);
        i++;
      } else if (c == '{') {
        int end = text.indexOf('}', i);
        String name = end < 0 ? "" : text.substring(i + 1, end);
        if (end < 0 || name.isBlank() || name.contains("{")) {
          throw new IllegalArgumentException("'{' at character " + (i + 1) + " opens no {column}"
              + " placeholder; name a column as {Behavior}, or write a literal brace as {{");
        }
        parts.add(literal.toString());
        literal.setLength(0);
        parts.add("{" + name + "}");
        i = end;
      } else if (c == '}') {
        throw new IllegalArgumentException("'}' at character " + (i + 1) + " closes no placeholder;"
            + " write a literal brace as }}");
      } else {
        literal.append(c);
      }
    }
    parts.add(literal.toString());
    if (parts.stream().noneMatch(PromptTemplate::placeholder)) {
      throw new IllegalArgumentException("names no column; use {column} placeholders, e.g."
          + " \"{ContextString}\\n\\n{Behavior}\"");
    }
    return new PromptTemplate(text, parts);
  }

  private static boolean placeholder(String part) {
    return part.length() > 2 && part.startsWith("{") && part.endsWith("}");
  }

  /** The columns the template names, in order, each once. */
  public Set<String> columns() {
    Set<String> out = new LinkedHashSet<>();
    for (int i = 1; i < parts.size(); i += 2) {
      out.add(parts.get(i).substring(1, parts.get(i).length() - 1));
    }
    return out;
  }

  /** The first column the row lacks, if any. */
  public Optional<String> missing(Set<String> present) {
    return columns().stream().filter(c -> !present.contains(c)).findFirst();
  }

  /** The prompt for one row, stripped; every named column must be present. */
  public String render(Map<String, String> row) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      out.append(i % 2 == 0 ? parts.get(i)
          : row.getOrDefault(parts.get(i).substring(1, parts.get(i).length() - 1), ""));
    }
    return out.toString().strip();
  }
}
