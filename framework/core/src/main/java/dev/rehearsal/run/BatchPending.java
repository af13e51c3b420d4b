package dev.rehearsal.run;

import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A gate run that submitted to (or is waiting on) a provider's batch endpoint and ended before every
 * reply came back: no decision was made, so the gate is not passed. A later run with the same store
 * collects the replies and decides.
 *
 * @param gate the gate id
 * @param arms one entry per model arm still waiting
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record BatchPending(String gate, List<Arm> arms) {

  public BatchPending {
    arms = List.copyOf(arms);
  }

  /**
   * One arm still waiting.
   *
   * @param arm the arm name
   * @param modelId the model its requests went to
   * @param batches the provider batch ids holding its outstanding requests, with their last status
   * @param outstanding requests without a reply yet
   * @param requests requests the arm needs in all
   * @param submittedNow requests this run submitted (0 when it only polled)
   */
  public record Arm(String arm, String modelId, List<String> batches, long outstanding, long requests,
      long submittedNow) {
    public Arm {
      batches = List.copyOf(batches);
    }

    /** {@code candidate (openai:…): 1000 of 1000 requests outstanding in batch_1 [in_progress]; 1000 submitted by this run}. */
    public String describe() {
      return String.format(Locale.ROOT, "%s (%s): %d of %d requests outstanding in %s; %d submitted by this run", arm,
          modelId, outstanding, requests, String.join(", ", batches), submittedNow);
    }
  }

  /** The headline: {@code PENDING: batch … submitted, N requests; rerun to collect}. */
  public String headline() {
    long outstanding = arms.stream().mapToLong(Arm::outstanding).sum();
    List<String> ids = arms.stream().flatMap(a -> a.batches().stream()).toList();
    return "PENDING: batch " + String.join(", ", ids) + " submitted, " + outstanding
        + " requests outstanding; no decision yet, the gate is not passed. Rerun with the same run store to collect"
        + " and decide";
  }

  /** The headline and one line per arm. */
  public String message() {
    StringBuilder out = new StringBuilder(headline()).append('.');
    arms.forEach(a -> out.append("\n  - ").append(a.describe()));
    return out.toString();
  }
}
