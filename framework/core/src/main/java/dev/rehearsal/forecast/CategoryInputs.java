package dev.rehearsal.forecast;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Everything measured about one category, with the same frozen grader, before and after the release.
 *
 * @param category the category id
 * @param simulatedXY the candidate on the deployed model's prefixes (the forecast)
 * @param productionY the deployed model's logged replies to the same prefixes (previous production)
 * @param simulatedYY the deployed model re-simulated on its own prefixes (fidelity)
 * @param challenging the candidate on the challenging-prompt suite, if one was run
 * @param realized the released model's production traffic
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CategoryInputs(String category, Counts simulatedXY, Counts productionY, Counts simulatedYY,
    Optional<Counts> challenging, Counts realized) {}
