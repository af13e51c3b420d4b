package dev.rehearsal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the documentation honest: every command README.md and docs/ show is run by a script CI runs
 * (.ci/run, .ci/doc-commands, .ci/doc-examples) or listed there as not run with a reason, and every
 * relative link and anchor points at something that exists.
 */
class DocCommandsTests {

  private static final List<String> SCRIPTS = List.of(".ci/run", ".ci/doc-commands", ".ci/doc-examples");
  private static final Pattern FENCE = Pattern.compile("```([\\w-]*)\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern INLINE = Pattern.compile("`((?:mvn|java|npx|bash) [^`]+|\\.ci/[\\w-]+(?: [^`]*)?)`");
  private static final Pattern COMMAND =
      Pattern.compile("^(?:[A-Z_]+=\\S+ )*(?:mvn|java|npx|bash|python3|curl|gradle|\\.ci/[\\w-]+)(?:\\s|$).*");
  private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Set<String> QUIET_FLAGS = Set.of("-B", "--batch-mode", "-ntp", "-q", "-o", "--offline");

  @Test
  void every_documented_command_is_run_by_a_ci_script_or_listed_as_not_run_with_a_reason() throws IOException {
    Set<String> covered = coveredCommands();
    List<String> missing = new ArrayList<>();
    for (Path page : pages()) {
      for (String command : commands(Files.readString(page))) {
        if (!covered.contains(normalise(command))) {
          missing.add(DemoPaths.root().relativize(page) + ": " + command);
        }
      }
    }
    assertThat(missing)
        .as("commands shown in the docs that no CI script runs; add them to .ci/doc-commands (or '# doc:' above"
            + " the concrete run, or '# doc-not-run: <command> -- <reason>')")
        .isEmpty();
  }

  @Test
  void the_pages_show_commands_and_the_scripts_run_them() throws IOException {
    // Guards the extraction itself: if the patterns stopped matching, the test above would pass vacuously.
    List<String> readme = commands(Files.readString(DemoPaths.root().resolve("README.md")));
    assertThat(readme).contains("mvn -B verify -Pexample-gate,reports", "mvn -B verify");
    assertThat(coveredCommands()).contains("mvn verify -Pexample-gate,reports", "mvn verify", "mvn test");
  }

  @Test
  void every_relative_link_and_anchor_in_the_docs_resolves() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path page : pages()) {
      String text = withoutFences(Files.readString(page));
      Matcher m = LINK.matcher(text);
      while (m.find()) {
        String target = m.group(1);
        if (target.matches("^[a-z]+:.*")) {
          continue; // absolute URLs are not checked offline
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
          broken.add(DemoPaths.root().relativize(page) + ": " + target + " (no such file)");
        } else if (hash >= 0 && resolved.toString().endsWith(".md")
            && !anchors(Files.readString(resolved)).contains(target.substring(hash + 1))) {
          broken.add(DemoPaths.root().relativize(page) + ": " + target + " (no such heading)");
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(DemoPaths.root().resolve("README.md"));
    try (Stream<Path> docs = Files.walk(DemoPaths.root().resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  /** Commands in shell fences (each line, continuations joined, comments cut) and inline code. */
  static List<String> commands(String markdown) {
    List<String> out = new ArrayList<>();
    Matcher fence = FENCE.matcher(markdown);
    while (fence.find()) {
      if (!Set.of("", "bash", "sh", "shell", "console").contains(fence.group(1))) {
        continue;
      }
      for (String line : fence.group(2).replace("\\\n", " ").split("\n")) {
        String command = stripComment(line.strip().replaceFirst("^\\$ ", ""));
        if (COMMAND.matcher(command).matches()) {
          out.add(command);
        }
      }
    }
    Matcher inline = INLINE.matcher(withoutFences(markdown));
    while (inline.find()) {
      out.add(inline.group(1).strip());
    }
    return out;
  }

  static Set<String> coveredCommands() throws IOException {
    Set<String> covered = new LinkedHashSet<>(SCRIPTS); // CI runs .ci/run, which runs the other two
    for (String script : SCRIPTS) {
      String text = Files.readString(DemoPaths.root().resolve(script)).replace("\\\n", " ");
      for (String raw : text.split("\n")) {
        String line = raw.strip();
        if (line.startsWith("# doc: ")) {
          covered.add(normalise(line.substring("# doc: ".length())));
        } else if (line.startsWith("# doc-not-run: ") && line.contains(" -- ")) {
          covered.add(normalise(line.substring("# doc-not-run: ".length(), line.indexOf(" -- "))));
        } else if (!line.startsWith("#")) {
          String command = line.replaceFirst("^check \\S+ '[^']*' ", "").replace("\"${mvn_opts[@]}\" ", "")
              .replaceFirst("^if ", "");
          // A script line may pipe, redirect or chain the command: only the command itself counts.
          command = command.split(" \\| | > | >> | \\|\\| | && |; then")[0];
          covered.add(normalise(stripComment(command)));
        }
      }
    }
    return covered;
  }

  static String normalise(String command) {
    List<String> kept = new ArrayList<>();
    for (String token : command.strip().split("\\s+")) {
      if (!QUIET_FLAGS.contains(token)) {
        kept.add(token);
      }
    }
    return String.join(" ", kept);
  }

  private static String stripComment(String line) {
    int at = line.indexOf(" #");
    return (at < 0 ? line : line.substring(0, at)).strip();
  }

  private static String withoutFences(String markdown) {
    return FENCE.matcher(markdown).replaceAll("");
  }

  /** GitHub's heading anchors: lower case, punctuation other than '-' and '_' dropped, spaces to '-'. */
  static Set<String> anchors(String markdown) {
    Set<String> out = new LinkedHashSet<>();
    for (String line : withoutFences(markdown).split("\n")) {
      if (line.matches("^#{1,6} .*")) {
        String title = line.replaceFirst("^#+ ", "").strip().toLowerCase(Locale.ROOT);
        out.add(title.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
      }
    }
    return out;
  }
}
