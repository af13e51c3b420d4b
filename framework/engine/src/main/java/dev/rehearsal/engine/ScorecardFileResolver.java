package dev.rehearsal.engine;

import dev.rehearsal.forecast.ScorecardSpec;
import dev.rehearsal.forecast.ScorecardSpecLoader;
import dev.rehearsal.spec.CategorySpec;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.SpecException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.UniqueId;
import java.util.List;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves forecast scorecard files ({@code *.scorecard.yaml}) from classpath resources, files and
 * unique ids (directories are listed by {@link GateFileResolver}) into a scorecard container with one test per tracked category. A file that does not
 * load is a discovery issue with its position and a failing node, as for gate files.
 */
final class ScorecardFileResolver implements SelectorResolver {

  static final String SUFFIX = ".scorecard.yaml";
  private final EngineSettings settings;
  private final DiscoveryIssueReporter issues;
  private final UniqueId engine;

  ScorecardFileResolver(EngineSettings settings, DiscoveryIssueReporter issues, UniqueId engine) {
    this.settings = settings;
    this.issues = issues;
    this.engine = engine;
  }

  static boolean isScorecardFile(String name) {
    return name.endsWith(SUFFIX);
  }

  @Override
  public Resolution resolve(ClasspathResourceSelector selector, Context context) {
    if (!isScorecardFile(selector.getClasspathResourceName())) {
      return Resolution.unresolved();
    }
    Set<Match> matches = new LinkedHashSet<>();
    selector.getResources().stream().filter(r -> "file".equals(r.getUri().getScheme()))
        .forEach(r -> scorecard(Path.of(r.getUri()), context).ifPresent(d -> matches.add(Match.exact(d))));
    return matches.isEmpty() ? Resolution.unresolved() : Resolution.matches(matches);
  }

  @Override
  public Resolution resolve(FileSelector selector, Context context) {
    if (!isScorecardFile(selector.getPath().getFileName().toString())) {
      return Resolution.unresolved();
    }
    return scorecard(selector.getPath(), context).map(d -> Resolution.match(Match.exact(d))).orElse(Resolution.unresolved());
  }

  @Override
  public Resolution resolve(UniqueIdSelector selector, Context context) {
    Optional<String> card = UniqueIds.childOf(engine, selector.getUniqueId(), ScorecardDescriptor.SEGMENT);
    if (card.isEmpty()) {
      return Resolution.unresolved();
    }
    // The scorecard container runs as a whole (its children only read its scores), so any id under
    // it selects the scorecard; found through the platform's class loader, as gates are.
    for (Path file : ClasspathRoots.files(ScorecardFileResolver::isScorecardFile)) {
      try {
        if (new ScorecardSpecLoader(settings.specContext()).load(file).id().equals(card.get())) {
          return scorecard(Sources.editable(file), context).map(d -> Resolution.match(Match.exact(d)))
              .orElse(Resolution.unresolved());
        }
      } catch (SpecException e) {
        // An invalid scorecard has no id to match; selecting it by file reports the problem.
      }
    }
    return Resolution.unresolved();
  }

  private Optional<TestDescriptor> scorecard(Path file, Context context) {
    ScorecardSpec spec;
    GateSpec gate;
    try {
      spec = new ScorecardSpecLoader(settings.specContext()).load(file);
      gate = new GateSpecLoader(settings.specContext()).load(spec.forecast().map(ScorecardSpec.ForecastSource::gate)
          .orElse(spec.validation().gate()));
    } catch (SpecException e) {
      issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING, "Invalid scorecard file: "
          + e.getMessage()).source(FileSource.from(e.mark().file().toFile(),
              FilePosition.from(e.mark().line(), e.mark().column()))));
      return context.addToParent(parent -> Optional.of(
          new InvalidGateDescriptor(parent.getUniqueId(), file, e)));
    }
    return context.addToParent(parent -> {
      ScorecardDescriptor card = new ScorecardDescriptor(parent.getUniqueId(), spec);
      for (CategorySpec c : gate.categories()) {
        card.addChild(new ForecastCategoryDescriptor(card, c.id(), c.mark()));
      }
      return Optional.of(card);
    });
  }
}
