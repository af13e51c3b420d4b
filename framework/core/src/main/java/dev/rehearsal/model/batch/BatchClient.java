package dev.rehearsal.model.batch;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A provider's batch endpoint: submit many requests at once, poll, and collect the results hours
 * later, possibly from another process. Calls block; none may put a secret in an exception message.
 * Each request carries a {@code custom_id} that the provider echoes in its result, so results are
 * matched by id, never by position (both providers return them in any order).
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface BatchClient extends AutoCloseable {

  /** The model id, the same as the synchronous client's, so both modes share cached replies. */
  String modelId();

  /**
   * Submits one batch and returns the provider's batch id. {@code submission} is this run's own id
   * for it, attached where the provider keeps metadata, so that {@link #find} can recover a batch
   * whose id was lost when the process died right after creating it.
   */
  String submit(String submission, List<BatchEntry> entries);

  /** The batch's status now. */
  BatchStatus status(String batchId);

  /** Every result of an ended batch (successes and per-request errors), in any order. */
  List<BatchOutcome> results(String batchId);

  /** The provider's id of the batch submitted as {@code submission}, when the provider can tell. */
  default Optional<String> find(String submission) {
    return Optional.empty();
  }

  @Override
  default void close() {}
}
