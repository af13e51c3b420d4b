package dev.rehearsal.model.batch;

import org.apiguardian.api.API;

/**
 * A model call whose answer will come from a provider's batch endpoint: the request was recorded for
 * submission and has no reply yet. Not a failure: the caller (a judge grader) leaves the item
 * ungraded, and the run ends pending once the batch is submitted.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BatchDeferredException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Reports mask the message as any other that names a model id (it may hold a base URL). */
  public BatchDeferredException(String modelId) {
    super("answer deferred to a batch of " + modelId, null, false, false);
  }
}
