package dev.rehearsal.run;

import org.apiguardian.api.API;

/**
 * Thrown by {@link GateRunner#run} when a model arm in {@code mode: batch} still waits for replies:
 * the run ends without a decision (never a pass). The engine reports the gate as PENDING.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BatchPendingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient BatchPending pending;

  public BatchPendingException(BatchPending pending) {
    super(dev.rehearsal.spec.Secrets.mask(pending.message()));
    this.pending = pending;
  }

  public BatchPending pending() {
    return pending;
  }
}
