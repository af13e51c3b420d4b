package dev.rehearsal.model.runtime.tools;

import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelReply;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The graded reply after tool calls were handled, with the turns added on the way.
 *
 * @param reply the reply to grade (the last one the model wrote)
 * @param addedTurns assistant tool-call turns and tool results appended to the prefix
 * @param steps tool rounds taken
 * @param stepLimitReached whether the model still called tools when the step limit stopped it
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ToolOutcome(ModelReply reply, List<Turn> addedTurns, int steps,
    boolean stepLimitReached) {

  public ToolOutcome {
    addedTurns = List.copyOf(addedTurns);
  }
}
