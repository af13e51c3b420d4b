package dev.rehearsal.engine;

import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.SpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves gate files from classpath resources, files, directories and unique ids. A gate file that
 * does not load becomes a discovery issue with its file position and a failing node; the other
 * gates still run.
 */
final class GateFileResolver implements SelectorResolver {

  private final EngineSettings settings;
  private final DiscoveryIssueReporter issues;
  private final UniqueId engine;
  // Gate ids are the roots of unique ids: a second file with the same id would otherwise be merged
  // into the first one's node and silently never run (issue 12, item 1).
  private final java.util.Map<String, GateSpec> seen = new java.util.HashMap<>();

  GateFileResolver(EngineSettings settings, DiscoveryIssueReporter issues, UniqueId engine) {
    this.settings = settings;
    this.issues = issues;
    this.engine = engine;
  }

  static boolean isGateFile(String name) {
    return name.endsWith(Constants.GATE_FILE_SUFFIX) || name.endsWith(Constants.GATE_FILE_SUFFIX_SHORT);
  }

  @Override
  public Resolution resolve(ClasspathResourceSelector selector, Context context) {
    String name = selector.getClasspathResourceName();
    if (!isGateFile(name)) {
      return Resolution.unresolved();
    }
    Set<Match> matches = new LinkedHashSet<>();
    // A gate read from target/test-classes is loaded from its src/test/resources original, so every
    // position in messages, reports and IDE links names the file people edit.
    for (var resource : selector.getResources()) {
      URI uri = resource.getUri();
      if (!"file".equals(uri.getScheme())) {
        issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING, "Gate file " + name + " is inside "
            + uri.getScheme() + " resource " + uri + "; Rehearsal runs gate files from directories. Put the gate in"
            + " src/test/resources of the project that runs it."));
        continue;
      }
      gate(Sources.editable(Path.of(uri)), Path.of(uri), context, Optional.empty()).ifPresent(d -> matches.add(Match.exact(d)));
    }
    return matches.isEmpty() ? Resolution.unresolved() : Resolution.matches(matches);
  }

  @Override
  public Resolution resolve(FileSelector selector, Context context) {
    Path path = selector.getPath();
    if (!isGateFile(path.getFileName().toString())) {
      return Resolution.unresolved();
    }
    return gate(path, path, context, Optional.empty()).map(d -> Resolution.match(Match.exact(d))).orElse(Resolution.unresolved());
  }

  /**
   * Gate and scorecard files under the directory, as file selectors: the first resolver that
   * resolves a directory ends its resolution, so this one lists scorecards for their resolver too.
   */
  @Override
  public Resolution resolve(DirectorySelector selector, Context context) {
    Set<DiscoverySelector> files = new LinkedHashSet<>();
    try (Stream<Path> walk = Files.walk(selector.getPath())) {
      walk.filter(Files::isRegularFile).filter(p -> isGateFile(p.getFileName().toString())
          || ScorecardFileResolver.isScorecardFile(p.getFileName().toString())).sorted()
          .forEach(p -> files.add(DiscoverySelectors.selectFile(p.toFile())));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list gate files under " + selector.getPath(), e);
    }
    return files.isEmpty() ? Resolution.unresolved() : Resolution.selectors(files);
  }

  @Override
  public Resolution resolve(UniqueIdSelector selector, Context context) {
    UniqueId id = selector.getUniqueId();
    Optional<String> gate = UniqueIds.childOf(engine, id, GateDescriptor.SEGMENT);
    if (gate.isEmpty()) {
      return Resolution.unresolved();
    }
    String gateId = gate.get();
    // Through the class loader the platform runs with, not java.class.path: under the console
    // launcher and Surefire's booter jar that names no test directory (issue 15).
    for (Path file : ClasspathRoots.files(GateFileResolver::isGateFile)) {
      Optional<GateSpec> spec = tryLoad(file);
      if (spec.isPresent() && spec.get().id().equals(gateId)) {
        return gate(Sources.editable(file), file, context, Optional.of(id)).map(d -> Resolution.match(Match.exact(d))).orElse(Resolution.unresolved());
      }
    }
    return Resolution.unresolved();
  }

  /**
   * The gate in {@code file} (the editable original), with relative paths resolved where it was
   * {@code found} (issue 15: a class-path copy's own data files, not the original's folder).
   */
  private Optional<TestDescriptor> gate(Path file, Path found, Context context, Optional<UniqueId> only) {
    GateSpec spec;
    try {
      spec = new GateSpecLoader(settings.specContext()).load(file, found);
    } catch (SpecException e) {
      return invalid(file, context, e);
    }
    GateSpec first = seen.putIfAbsent(spec.id(), spec);
    if (first != null && !first.file().equals(spec.file())) {
      return invalid(file, context, duplicate(first, spec));
    }
    List<TestDescriptor> existing = new ArrayList<>(1);
    Optional<TestDescriptor> added = context.addToParent(parent -> {
      GateDescriptor gate = GateTree.build(parent.getUniqueId(), spec);
      Optional<? extends TestDescriptor> present = parent.getChildren().stream()
          .filter(c -> c.getUniqueId().equals(gate.getUniqueId())).findFirst();
      if (present.isPresent() && only.isPresent()) {
        // A second unique id in the same gate (Surefire reruns every failed test of a gate):
        // add its nodes to the gate already selected instead of a second, competing gate.
        graft(present.get(), gate, only.get());
        existing.add(present.get());
        return Optional.empty();
      }
      only.ifPresent(keep -> prune(gate, keep));
      return Optional.of(gate);
    });
    return added.isPresent() ? added : existing.stream().findFirst();
  }

  /** Adds to {@code into} the nodes of {@code full} that lead to or lie under {@code keep}. */
  private static void graft(TestDescriptor into, TestDescriptor full, UniqueId keep) {
    for (TestDescriptor child : new ArrayList<>(full.getChildren())) {
      UniqueId cid = child.getUniqueId();
      if (!keep.hasPrefix(cid) && !cid.hasPrefix(keep)) {
        continue;
      }
      Optional<? extends TestDescriptor> mine = into.getChildren().stream().filter(c -> c.getUniqueId().equals(cid)).findFirst();
      if (mine.isPresent()) {
        graft(mine.get(), child, keep);
      } else {
        full.removeChild(child);
        prune(child, keep);
        into.addChild(child);
      }
    }
  }

  private Optional<TestDescriptor> invalid(Path file, Context context, SpecException e) {
    issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING, "Invalid gate file: " + e.getMessage())
        .source(FileSource.from(e.mark().file().toFile(), FilePosition.from(e.mark().line(), e.mark().column()))));
    return context.addToParent(parent -> Optional.of(
        new InvalidGateDescriptor(parent.getUniqueId(), file, e)));
  }

  private static SpecException duplicate(GateSpec first, GateSpec again) {
    return new SpecException(again.mark(), "$.gate", "Gate id '" + again.id() + "' is also used by "
        + first.mark() + "; every gate in a run needs its own id. Rename one of them.");
  }

  /** Keeps only the selected node, its ancestors and its descendants. */
  private static void prune(TestDescriptor node, UniqueId keep) {
    for (TestDescriptor child : new ArrayList<>(node.getChildren())) {
      UniqueId cid = child.getUniqueId();
      if (keep.hasPrefix(cid) && !keep.equals(cid)) {
        prune(child, keep);
      } else if (!cid.hasPrefix(keep)) {
        node.removeChild(child);
      }
    }
  }

  private Optional<GateSpec> tryLoad(Path file) {
    try {
      return Optional.of(new GateSpecLoader(settings.specContext()).load(file));
    } catch (SpecException e) {
      return Optional.empty();
    }
  }
}
