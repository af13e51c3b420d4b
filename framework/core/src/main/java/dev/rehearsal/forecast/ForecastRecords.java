package dev.rehearsal.forecast;

import dev.rehearsal.gate.RateEstimate;
import dev.rehearsal.run.CategoryResult;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.store.ForecastRow;
import dev.rehearsal.spec.CategorySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Turns a gate run's estimates into forecast rows: per category and segment (and {@code overall}),
 * k, n, the Jeffreys forecast Beta(k+½, n−k+½) and the frozen grader's fingerprint.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ForecastRecords {

  private ForecastRecords() {}

  /** Rows of {@code kind} from the run's candidate arm, or its production arm for {@link ForecastKind#PRODUCTION}. */
  public static List<ForecastRow> of(String release, ForecastKind kind, GateRun run) {
    List<ForecastRow> out = new ArrayList<>();
    for (CategoryResult r : run.categories().values()) {
      CategorySpec c = r.category();
      String fingerprint = run.fingerprints().containsKey(c.grader()) ? run.fingerprints().get(c.grader())
          : MeasurementFingerprint.of(run.spec(), c.grader());
      Map<String, RateEstimate> estimates = kind == ForecastKind.PRODUCTION ? r.production() : r.candidate();
      estimates.forEach((segment, e) -> {
        if (e.n() > 0) {
          out.add(new ForecastRow(release, kind.wireName(), c.id(), segment, e.k(), e.n(), e.k() + 0.5,
              e.n() - e.k() + 0.5, c.grader(), fingerprint, run.spec().id()));
        }
      });
    }
    out.sort(java.util.Comparator.comparing(ForecastRow::category).thenComparing(ForecastRow::segment));
    return out;
  }
}
