package dev.rehearsal.engine;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The class-path directories the platform runs with, for finding a gate or scorecard by unique id.
 * They come from the thread's context class loader (the console launcher's {@code --class-path},
 * Surefire's manifest-only booter jar, an IDE's loader) and only then from {@code java.class.path},
 * which under those launchers names the launcher's own jar and nothing else.
 */
final class ClasspathRoots {

  private ClasspathRoots() {}

  /** Directory roots, in class-path order, without duplicates. */
  static List<Path> directories() {
    Set<Path> roots = new LinkedHashSet<>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    for (ClassLoader l = loader; l != null; l = l.getParent()) {
      if (l instanceof URLClassLoader urls) {
        for (URL url : urls.getURLs()) {
          add(roots, url);
        }
      }
    }
    try {
      // Every loader answers getResources(""), with each directory root of its class path.
      for (URL url : Collections.list((loader != null ? loader : ClassLoader.getSystemClassLoader()).getResources(""))) {
        add(roots, url);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the class path's directories", e);
    }
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isEmpty() && Files.isDirectory(Path.of(entry))) {
        roots.add(Path.of(entry).toAbsolutePath().normalize());
      }
    }
    return List.copyOf(roots);
  }

  /** Files under every root whose name passes {@code name}, sorted within each root. */
  static List<Path> files(Predicate<String> name) {
    List<Path> out = new ArrayList<>();
    for (Path root : directories()) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> name.test(p.getFileName().toString())).filter(Files::isRegularFile).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list files under class-path directory " + root, e);
      }
    }
    return out;
  }

  private static void add(Set<Path> roots, URL url) {
    if (!"file".equals(url.getProtocol())) {
      return;
    }
    try {
      Path p = Path.of(new URI(url.toString()));
      if (Files.isDirectory(p)) {
        roots.add(p.toAbsolutePath().normalize());
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      // A class-path URL that is no file path (odd characters, unusual loader): nothing to scan there.
    }
  }
}
