package dev.rehearsal.conversation;

import org.apiguardian.api.API;

/** Who wrote a turn of a conversation. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Role {
  SYSTEM,
  USER,
  ASSISTANT,
  TOOL;

  /** The lower-case wire name used by chat APIs and logs ({@code "user"}). */
  public String wireName() {
    return WIRE[ordinal()];
  }

  // Computed once: every cache key and request body names the role of each turn.
  private static final String[] WIRE = java.util.Arrays.stream(values())
      .map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new);
}
