package dev.rehearsal.allure;

import dev.rehearsal.spec.Mark;
import java.nio.file.Path;

/**
 * Where a spec line is on the web: in GitLab CI the file's blob view at the commit
 * ({@code CI_PROJECT_URL/-/blob/CI_COMMIT_SHA/path#Lline}), otherwise a file URI with the line.
 */
final class SpecLinks {

  private SpecLinks() {}

  static String url(Mark mark) {
    String project = System.getenv("CI_PROJECT_URL");
    String sha = System.getenv("CI_COMMIT_SHA");
    String dir = System.getenv("CI_PROJECT_DIR");
    Path file = original(mark.file());
    if (project != null && sha != null && dir != null && file.startsWith(Path.of(dir))) {
      return project + "/-/blob/" + sha + "/" + Path.of(dir).relativize(file).toString().replace('\\', '/') + "#L" + mark.line();
    }
    return file.toUri() + "#L" + mark.line();
  }

  /** A gate read from {@code target/test-classes} points back at {@code src/test/resources}, the file people edit. */
  static Path original(Path file) {
    String s = file.toString().replace('\\', '/');
    int at = s.lastIndexOf("/target/test-classes/");
    if (at < 0) {
      return file;
    }
    Path original = Path.of(s.substring(0, at), "src", "test", "resources", s.substring(at + "/target/test-classes/".length()));
    return java.nio.file.Files.isRegularFile(original) ? original : file;
  }
}
