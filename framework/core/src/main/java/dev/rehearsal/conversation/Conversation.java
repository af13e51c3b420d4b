package dev.rehearsal.conversation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A logged conversation: its turns in order and the metadata the log carried (segment fields,
 * timestamps, language).
 *
 * @param id stable id (from the log, or derived from the file and line)
 * @param turns the turns in order
 * @param metadata flat string metadata; nested log fields are joined with dots
 * @param tools the tools the logged model could call: name → function definition (JSON with
 *     {@code description} and {@code parameters}), as the log declared them
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Conversation(String id, List<Turn> turns, Map<String, String> metadata, Map<String, String> tools) {

  public Conversation {
    Objects.requireNonNull(id, "id");
    turns = List.copyOf(turns);
    metadata = Map.copyOf(metadata);
    tools = Map.copyOf(tools);
  }

  /** A conversation whose log declared no tools. */
  public Conversation(String id, List<Turn> turns, Map<String, String> metadata) {
    this(id, turns, metadata, Map.of());
  }

  /** Number of user turns. */
  public int userTurnCount() {
    return (int) turns.stream().filter(t -> t.role() == Role.USER).count();
  }

  /** Index in {@link #turns()} of the {@code ordinal}-th user turn (0-based). */
  public int indexOfUserTurn(int ordinal) {
    int seen = 0;
    for (int i = 0; i < turns.size(); i++) {
      if (turns.get(i).role() == Role.USER && seen++ == ordinal) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "User turn ordinal out of range: " + ordinal + " (conversation " + id + " has "
            + userTurnCount() + " user turns)");
  }
}
