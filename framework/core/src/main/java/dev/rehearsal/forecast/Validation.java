package dev.rehearsal.forecast;

import dev.rehearsal.run.CategoryResult;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import dev.rehearsal.run.RunOptions;
import dev.rehearsal.run.store.ForecastRow;
import dev.rehearsal.spec.CategorySpec;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.SampleSpec;
import dev.rehearsal.spec.SourceSpec;
import java.io.IOException;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The validation run: the released model's production log measured with the identical frozen
 * measurement as the forecast. The logged assistant turn after each sampled user turn is the
 * response; realized rates come per category and segment.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Validation {

  private final RunOptions options;

  public Validation(RunOptions options) {
    this.options = options;
  }

  /**
   * Measures {@code logs} with {@code measurement}'s graders; throws {@link MeasurementChangedException}
   * before reading the log when a grader's fingerprint differs from the stored forecast's.
   */
  public GateRun run(StoredForecasts forecasts, GateSpec measurement, SourceSpec logs, SampleSpec sample)
      throws IOException {
    requireSameMeasurement(forecasts, measurement);
    return new GateRunner(options).run(SpecCopies.replay(measurement, logs, sample, "logged"));
  }

  /** Refuses a measurement whose categories or grader fingerprints differ from the stored forecasts'. */
  public static void requireSameMeasurement(StoredForecasts forecasts, GateSpec measurement) {
    for (String category : forecasts.categories()) {
      Optional<CategorySpec> spec = measurement.categories().stream().filter(c -> c.id().equals(category)).findFirst();
      if (spec.isEmpty()) {
        throw new MeasurementChangedException(category, "Category '" + category + "' was forecast for release '"
            + forecasts.release() + "' but gate '" + measurement.id() + "' (" + measurement.file() + ") no longer"
            + " tracks it; validate with the gate file the forecast was recorded with.");
      }
      ForecastRow stored = forecasts.row(ForecastKind.SIMULATION, category, GateRun.OVERALL).orElseThrow();
      String now = MeasurementFingerprint.of(measurement, spec.get().grader());
      if (!now.equals(stored.graderFingerprint()) || !spec.get().grader().equals(stored.grader())) {
        throw new MeasurementChangedException(spec.get().grader(), "Grader '" + spec.get().grader() + "' of category '"
            + category + "' differs from the frozen measurement of release '" + forecasts.release() + "': fingerprint "
            + abbreviate(now) + " now, " + abbreviate(stored.graderFingerprint()) + " (grader '" + stored.grader()
            + "') when the forecast was recorded. Scoring it would compare two different measurements: restore the"
            + " grader's declaration in " + measurement.file().getFileName() + " (line " + spec.get().mark().line()
            + " and its 'graders:' entry), or record a new forecast under a new release label.");
      }
    }
  }

  /** The realized counts of a category in a segment of a validation run. */
  public static Optional<Counts> realized(GateRun validation, String category, String segment) {
    CategoryResult r = validation.categories().get(category);
    return Optional.ofNullable(r).map(c -> c.candidate().get(segment)).filter(e -> e != null && e.n() > 0)
        .map(e -> new Counts(e.k(), e.n()));
  }

  private static String abbreviate(String fingerprint) {
    return fingerprint.substring(0, Math.min(12, fingerprint.length()));
  }
}
