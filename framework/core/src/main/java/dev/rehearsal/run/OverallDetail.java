package dev.rehearsal.run;

import dev.rehearsal.gate.PostStratifiedRate;
import dev.rehearsal.stats.ClusteredRate;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a category's candidate overall rate needs beyond k/n: the post-stratified rate of a stratified
 * sample, deployment-scale risk when the gate declares {@code traffic:}, and the clustered standard
 * error when several sampled prefixes share a conversation.
 *
 * @param postStratified the post-stratified rate; empty for a uniform (self-weighting) sample, whose
 *     pooled k/n is already the estimate of production
 * @param risk expected incidents per day and the chance of at least one; empty without {@code traffic:}
 * @param clustered the conversation-clustered rate; empty when every prefix has its own conversation
 * @param conversations distinct logged conversations behind the category's graded candidate responses
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record OverallDetail(
    Optional<PostStratifiedRate> postStratified, Optional<TrafficRisk> risk, Optional<ClusteredRate> clustered,
    int conversations) {

  /** Nothing beyond pooled counts (report fixtures). */
  public static OverallDetail none() {
    return new OverallDetail(Optional.empty(), Optional.empty(), Optional.empty(), 0);
  }
}
