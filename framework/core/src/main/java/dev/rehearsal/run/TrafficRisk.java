package dev.rehearsal.run;

import dev.rehearsal.stats.DeploymentRisk;
import org.apiguardian.api.API;

/**
 * Deployment-scale risk of a category at the gate's declared traffic.
 *
 * @param conversationsPerDay the gate's {@code traffic.conversations-per-day}
 * @param turnsPerConversation eligible user turns per logged conversation, from the log the sample came from
 * @param turnsPerDay conversationsPerDay × turnsPerConversation: the per-turn rate's exposure
 * @param risk incidents per day with a 95% interval and the chance of at least one
 * @param basis which rate and interval the figures use, in words
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TrafficRisk(double conversationsPerDay, double turnsPerConversation, double turnsPerDay,
    DeploymentRisk risk, String basis) {}
