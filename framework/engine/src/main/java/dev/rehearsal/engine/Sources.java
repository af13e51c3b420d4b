package dev.rehearsal.engine;

import dev.rehearsal.spec.Mark;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/** Test sources that point at a line of a gate file, so IDEs and reports jump there. */
final class Sources {

  private Sources() {}

  static TestSource of(Mark mark) {
    return FileSource.from(editable(mark.file()).toFile(), FilePosition.from(mark.line(), mark.column()));
  }

  /**
   * The file people edit: a gate read from {@code target/test-classes} (a copy Maven made) points
   * back at {@code src/test/resources} when that file exists, so "jump to source" opens the original.
   */
  static Path editable(Path file) {
    String s = file.toString();
    String marker = java.io.File.separator + "target" + java.io.File.separator + "test-classes" + java.io.File.separator;
    int at = s.lastIndexOf(marker);
    if (at < 0) {
      return file;
    }
    Path original = Path.of(s.substring(0, at), "src", "test", "resources", s.substring(at + marker.length()));
    return Files.isRegularFile(original) ? original : file;
  }
}
