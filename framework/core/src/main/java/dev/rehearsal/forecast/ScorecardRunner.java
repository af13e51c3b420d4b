package dev.rehearsal.forecast;

import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import dev.rehearsal.run.RunOptions;
import dev.rehearsal.run.store.ForecastRow;
import dev.rehearsal.run.store.ForecastTable;
import dev.rehearsal.run.store.RunStore;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.GateSpecLoader;
import dev.rehearsal.spec.SampleSpec;
import dev.rehearsal.spec.SpecContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Validates a release: (optionally) runs the forecast gate and records X→Y, Y's production, Y→Y and
 * the challenging-prompt baseline under the release label; then measures the released model's
 * production with the identical frozen measurement, audits it, and scores every method.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ScorecardRunner {

  private final SpecContext context;
  private final RunOptions options;

  public ScorecardRunner(SpecContext context, RunOptions options) {
    this.context = context;
    this.options = options;
  }

  /** Runs the scorecard; {@code workDir} receives intermediate files (the converted prompt suite). */
  public ScorecardRun run(ScorecardSpec spec, RunStore store, Path workDir) throws IOException {
    ForecastTable table = new ForecastTable(store);
    if (spec.forecast().isPresent()) {
      record(spec, table, workDir);
    }
    StoredForecasts stored = new StoredForecasts(spec.release(), table.release(spec.release()));
    if (stored.categories().isEmpty()) {
      throw new IllegalStateException("No forecasts are stored for release '" + spec.release() + "'. Add a"
          + " 'forecast:' block to " + spec.file().getFileName() + " to run and record the forecast gate.");
    }
    GateSpec measurement = new GateSpecLoader(context).load(spec.validation().gate());
    GateRun validation = new Validation(options).run(stored, measurement, spec.validation().logs(),
        spec.validation().sample());
    List<CategoryInputs> inputs = new ArrayList<>();
    for (String c : stored.categories()) {
      inputs.add(inputs(stored, c, validation));
    }
    TaxonomyCoverage coverage = spec.auditor().kinds().isEmpty() ? TaxonomyCoverage.none()
        : spec.auditor().audit(validation);
    Scorecard card = Scorecard.of(spec.id(), spec.release(), spec.scoring(), inputs, coverage);
    return new ScorecardRun(spec, card, stored, validation, segments(stored, validation));
  }

  private void record(ScorecardSpec spec, ForecastTable table, Path workDir) throws IOException {
    ScorecardSpec.ForecastSource source = spec.forecast().orElseThrow();
    GateSpec gate = new GateSpecLoader(context).load(source.gate());
    GateRunner runner = new GateRunner(options);
    GateRun xy = runner.run(gate);
    List<ForecastRow> rows = new ArrayList<>(ForecastRecords.of(spec.release(), ForecastKind.SIMULATION, xy));
    rows.addAll(ForecastRecords.of(spec.release(), ForecastKind.PRODUCTION, xy));
    GateRun yy = runner.run(SpecCopies.candidate(gate, source.fidelityModel()));
    rows.addAll(ForecastRecords.of(spec.release(), ForecastKind.FIDELITY, yy));
    if (spec.challenging().isPresent()) {
      ScorecardSpec.ChallengeSpec c = spec.challenging().get();
      GateSpec suite = SpecCopies.prompts(SpecCopies.candidate(gate, c.model()),
          ChallengePrompts.asLog(c.prompts(), workDir), new SampleSpec(c.size(), 1, gate.mark()), c.model());
      rows.addAll(ForecastRecords.of(spec.release(), ForecastKind.CHALLENGING, runner.run(suite)));
    }
    rows.forEach(table::put);
  }

  private static CategoryInputs inputs(StoredForecasts s, String c, GateRun validation) {
    return new CategoryInputs(c, require(s, ForecastKind.SIMULATION, c), require(s, ForecastKind.PRODUCTION, c),
        require(s, ForecastKind.FIDELITY, c), s.counts(ForecastKind.CHALLENGING, c, GateRun.OVERALL),
        Validation.realized(validation, c, GateRun.OVERALL).orElseThrow(() -> new IllegalStateException(
            "The production log has no graded response for category '" + c + "'; check the log's format")));
  }

  private static Counts require(StoredForecasts s, ForecastKind kind, String c) {
    return s.counts(kind, c, GateRun.OVERALL).orElseThrow(() -> new IllegalStateException("Release '" + s.release()
        + "' has no stored " + kind.wireName() + " counts for category '" + c + "'; rerun the 'forecast:' block"));
  }

  private static List<ScorecardRun.SegmentRow> segments(StoredForecasts s, GateRun validation) {
    List<ScorecardRun.SegmentRow> out = new ArrayList<>();
    for (String c : s.categories()) {
      for (String segment : validation.segments()) {
        s.counts(ForecastKind.SIMULATION, c, segment).ifPresent(f -> Validation.realized(validation, c, segment)
            .ifPresent(r -> out.add(new ScorecardRun.SegmentRow(c, segment, f, r))));
      }
    }
    return out;
  }
}
