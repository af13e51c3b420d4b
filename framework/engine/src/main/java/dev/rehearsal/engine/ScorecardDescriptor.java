package dev.rehearsal.engine;

import dev.rehearsal.forecast.ScorecardReports;
import dev.rehearsal.forecast.ScorecardRun;
import dev.rehearsal.forecast.ScorecardRunner;
import dev.rehearsal.forecast.ScorecardSpec;
import dev.rehearsal.run.store.RunStore;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * A forecast scorecard: the container that validates one release against production once; its
 * children, one per category, read the scores. Forecasts are stored in the engine's run store (or,
 * with the store disabled, in {@code forecasts.db} next to the scorecard's reports).
 */
final class ScorecardDescriptor extends AbstractTestDescriptor implements Node<GateContext> {

  static final String SEGMENT = "scorecard";
  private final ScorecardSpec spec;
  private volatile Optional<ScorecardRun> run = Optional.empty();

  ScorecardDescriptor(UniqueId parent, ScorecardSpec spec) {
    super(parent.append(SEGMENT, spec.id()), "scorecard " + spec.id(), Sources.of(spec.mark()));
    this.spec = spec;
  }

  ScorecardSpec spec() {
    return spec;
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }

  @Override
  public Set<TestTag> getTags() {
    return Set.of(TestTag.create("scorecard"));
  }

  @Override
  public GateContext before(GateContext context) throws Exception {
    EngineSettings settings = context.settings();
    Path reports = settings.reportsDir();
    dev.rehearsal.run.store.StoreLocation storeFile = settings.store().orElseGet(() ->
        dev.rehearsal.run.store.StoreLocation.file(reports.resolve(spec.id().replace('/', '_')).resolve("forecasts.db")));
    try (RunStore store = RunStore.open(storeFile)) {
      ScorecardRun result = new ScorecardRunner(settings.specContext(), settings.runOptions())
          .run(spec, store, reports.resolve(spec.id().replace('/', '_')));
      Path written = ScorecardReports.write(result, reports);
      if (settings.printDecision()) {
        System.out.println(ScorecardReports.markdown(result) + "Reports: " + written.toAbsolutePath());
      }
      run = Optional.of(result);
    }
    return context;
  }

  /** The result, once {@link #before} ran. */
  ScorecardRun requireRun() {
    return run.orElseThrow(() -> new IllegalStateException("The scorecard did not run; see its container's error."));
  }
}
