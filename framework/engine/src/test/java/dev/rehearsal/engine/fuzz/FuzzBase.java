package dev.rehearsal.engine.fuzz;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A committed fixture gate whose data file was copied into the fuzz project, with its path rewritten. */
record FuzzBase(String name, String text) {

  static final List<String> FIXTURES = List.of("gates/fixture/support-pass.gate.yaml",
      "gates/fixture/support-fail.gate.yaml", "inconclusive/pass.gate.yaml", "inconclusive/fail.gate.yaml",
      "inconclusive/abort.gate.yaml");
  private static final Pattern PATH = Pattern.compile("path: ([^ ,}\\n]+)");

  static List<FuzzBase> copyFixtures(Path project) throws IOException {
    List<FuzzBase> out = new ArrayList<>();
    for (String resource : FIXTURES) {
      Path original = classpath(resource);
      String text = Files.readString(original);
      Matcher m = PATH.matcher(text);
      if (m.find()) {
        Path data = original.getParent().resolve(m.group(1)).normalize();
        Files.copy(data, project.resolve(data.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        text = m.replaceFirst("path: " + data.getFileName());
      }
      out.add(new FuzzBase(original.getFileName().toString(), text));
    }
    return out;
  }

  /** Writes a mutation; a lone surrogate cannot be encoded, so it becomes an invalid UTF-8 byte. */
  Path write(Path project, String fileName, String mutated) throws IOException {
    Path file = project.resolve(fileName);
    Files.write(file, mutated.getBytes(StandardCharsets.UTF_8));
    return file;
  }

  private static Path classpath(String resource) {
    try {
      return Path.of(FuzzBase.class.getClassLoader().getResource(resource).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
