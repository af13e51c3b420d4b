package dev.rehearsal.forecast;

import dev.rehearsal.run.GateRun;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What validating one release produced: the scorecard, the stored forecasts it scored, the
 * validation run on production, and the raw forecast's error per segment.
 *
 * @param spec the scorecard file
 * @param scorecard the scores
 * @param forecasts the stored forecast rows of the release
 * @param validation the measurement of the released model's production
 * @param segments the raw forecast against production per category and segment
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ScorecardRun(ScorecardSpec spec, Scorecard scorecard, StoredForecasts forecasts, GateRun validation,
    List<SegmentRow> segments) {

  public ScorecardRun {
    segments = List.copyOf(segments);
  }

  /**
   * The raw forecast of a category in one segment, against what production did there.
   *
   * @param category the category id
   * @param segment the segment id
   * @param forecast X→Y counts in the segment
   * @param realized production counts of the released model in the segment
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public record SegmentRow(String category, String segment, Counts forecast, Counts realized) {

    /** max(p̂/p, p/p̂) of the Jeffreys-smoothed rates. */
    public double multiplicativeError() {
      return Math.max(forecast.rate() / realized.rate(), realized.rate() / forecast.rate());
    }
  }
}
