package dev.rehearsal.model.runtime.tools;

import java.util.Arrays;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * How tool calls in a candidate's reply are answered.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ToolPolicy {
  /** The tool call itself is the graded response. */
  SINGLE_TURN,
  /** Answer with the logged result of a logged call with the same name and arguments. */
  REPLAY,
  /** Replay when possible, else a configured model writes the tool result. */
  SIMULATE;

  /** Parses the spec value {@code single-turn | replay | simulate}. */
  public static ToolPolicy fromSpec(String value) {
    return Arrays.stream(values())
        .filter(p -> p.name().replace('_', '-').toLowerCase(Locale.ROOT).equals(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("tools.policy must be one of"
            + " single-turn, replay, simulate; was '" + value + "'"));
  }
}
