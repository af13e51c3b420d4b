package dev.rehearsal.spec;

import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Where something is in a gate file: 1-based line and column, so an IDE can jump there.
 *
 * @param file the gate file
 * @param line 1-based line
 * @param column 1-based column
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Mark(Path file, int line, int column) {

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
