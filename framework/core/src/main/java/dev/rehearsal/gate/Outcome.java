package dev.rehearsal.gate;

import org.apiguardian.api.API;

/** How one threshold check came out. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Outcome {
  /** Within the threshold. */
  PASS,
  /** The threshold is breached: its {@code on-breach} action applies. */
  BREACH,
  /** Too few samples to decide ({@code min-samples}); the threshold's inconclusive policy says what follows. */
  INCONCLUSIVE
}
