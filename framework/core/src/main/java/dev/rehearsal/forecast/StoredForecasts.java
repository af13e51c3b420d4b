package dev.rehearsal.forecast;

import dev.rehearsal.run.store.ForecastRow;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The forecast rows of one release, as read back from the run store.
 *
 * @param release the release label
 * @param rows every row
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record StoredForecasts(String release, List<ForecastRow> rows) {

  public StoredForecasts {
    rows = List.copyOf(rows);
  }

  /** The counts of a kind, category and segment. */
  public Optional<Counts> counts(ForecastKind kind, String category, String segment) {
    return row(kind, category, segment).map(r -> new Counts(r.events(), r.trials()));
  }

  /** The row of a kind, category and segment. */
  public Optional<ForecastRow> row(ForecastKind kind, String category, String segment) {
    return rows.stream().filter(r -> r.kind().equals(kind.wireName()) && r.category().equals(category)
        && r.segment().equals(segment)).findFirst();
  }

  /** Category ids with a {@link ForecastKind#SIMULATION} forecast, in stored order. */
  public List<String> categories() {
    return rows.stream().filter(r -> r.kind().equals(ForecastKind.SIMULATION.wireName())).map(ForecastRow::category)
        .distinct().toList();
  }
}
