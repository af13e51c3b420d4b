package dev.rehearsal.forecast;

import dev.rehearsal.spec.Mark;
import dev.rehearsal.spec.SampleSpec;
import dev.rehearsal.spec.SourceSpec;
import java.nio.file.Path;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A parsed scorecard file ({@code *.scorecard.yaml}): which release's forecasts to validate, against
 * which production log, with which baselines, auditor and scoring rules.
 *
 * @param id the scorecard id (report folder and test names)
 * @param release the release label forecasts are stored under
 * @param forecast the gate to run and record now; empty: use the forecasts already stored for the release
 * @param validation how the released model's production is measured
 * @param challenging the challenging-prompt baseline, if any
 * @param auditor the auditor for taxonomy coverage
 * @param scoring how forecasts are scored
 * @param file the scorecard file
 * @param mark the position of the {@code scorecard:} key
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ScorecardSpec(String id, String release, Optional<ForecastSource> forecast, ValidationSpec validation,
    Optional<ChallengeSpec> challenging, KeywordAuditor auditor, ScoringOptions scoring, Path file, Mark mark) {

  /**
   * The gate whose run is the forecast: candidate X→Y and production Y's logged replies.
   *
   * @param gate the gate file
   * @param fidelityModel the model of the gate's {@code models:} that re-simulates Y on its own prefixes (Y→Y)
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public record ForecastSource(Path gate, String fidelityModel) {}

  /**
   * The validation: the gate file whose graders and categories measure production, and the log.
   *
   * @param gate the measurement's gate file (must match the stored fingerprints)
   * @param logs the released model's production log
   * @param sample how many of its user turns are sampled
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public record ValidationSpec(Path gate, SourceSpec logs, SampleSpec sample) {}

  /**
   * The challenging-prompt suite, answered by the candidate and graded by the same graders.
   *
   * @param prompts the prompts ({@code csv}: first column, header skipped; or a conversation log)
   * @param model the model of the forecast gate's {@code models:} that answers them
   * @param size how many prompts are used
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public record ChallengeSpec(SourceSpec prompts, String model, int size) {}
}
