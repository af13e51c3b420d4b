package dev.rehearsal.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Every file the framework writes goes through here: text is made {@linkplain #wellFormed
 * well-formed} and written as UTF-8. One unpaired surrogate in a reply or a spec value made
 * {@code Files.writeString} throw {@code UnmappableCharacterException} and lost the decision files
 * and the release summary (issue 12, item 8).
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Utf8Files {

  /** What an unpaired surrogate becomes: U+FFFD REPLACEMENT CHARACTER. */
  public static final char REPLACEMENT = '\uFFFD';

  private Utf8Files() {}

  /** {@code text} with every unpaired surrogate replaced by U+FFFD; the same instance when none. */
  public static String wellFormed(String text) {
    int bad = firstUnpaired(text);
    if (bad < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length()).append(text, 0, bad);
    for (int i = bad; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else {
        out.append(Character.isSurrogate(c) ? REPLACEMENT : c);
      }
    }
    return out.toString();
  }

  /** Index of the first unpaired surrogate, or -1. */
  public static int firstUnpaired(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** Writes {@code text}, well-formed, as UTF-8. */
  public static Path write(Path file, String text) throws IOException {
    return Files.writeString(file, wellFormed(text), StandardCharsets.UTF_8);
  }

  /** Writes {@code value} as JSON through {@code json}, well-formed, as UTF-8. */
  public static Path writeJson(Path file, ObjectMapper json, Object value) throws IOException {
    return write(file, json.writeValueAsString(value));
  }

  /** {@code value} as a JSON string, well-formed. */
  public static String json(ObjectMapper json, Object value) throws JsonProcessingException {
    return wellFormed(json.writeValueAsString(value));
  }
}
