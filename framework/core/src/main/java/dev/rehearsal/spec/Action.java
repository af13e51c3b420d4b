package dev.rehearsal.spec;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * What the release does when a threshold is breached, in increasing precedence: a gate's decision
 * is the most severe action among its breaches, {@link #SHIP} when there are none.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Action {
  SHIP,
  REPAIR,
  NARROW_ROLLOUT,
  HOLD,
  ROLLBACK;

  /** The kebab-case name used in gate files and reports ({@code narrow-rollout}). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The more severe of the two. */
  public Action max(Action other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
