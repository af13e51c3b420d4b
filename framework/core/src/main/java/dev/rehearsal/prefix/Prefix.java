package dev.rehearsal.prefix;

import dev.rehearsal.conversation.Conversation;
import dev.rehearsal.conversation.Role;
import dev.rehearsal.conversation.Turn;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A sampled prefix: a logged conversation cut after one of its user turns.
 *
 * @param sampleId stable id, {@code <conversation id>#u<user turn ordinal>}
 * @param source the logged record the prefix comes from
 * @param userOrdinal which user turn (0-based) the prefix ends with
 * @param turns the prefix's turns, through that user turn
 * @param segment the segment it belongs to
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Prefix(String sampleId, LoggedConversation source, int userOrdinal, List<Turn> turns, String segment) {

  public Prefix {
    turns = List.copyOf(turns);
  }

  /**
   * The assistant turn that followed this prefix in a logged variant: the reply a replay arm gives.
   * Empty when the log has no such variant or the variant did not answer.
   */
  public Optional<Turn> loggedReply(String variant) {
    Conversation c = source.variants().get(variant);
    if (c == null || c.userTurnCount() <= userOrdinal) {
      return Optional.empty();
    }
    int next = c.indexOfUserTurn(userOrdinal) + 1;
    return next < c.turns().size() && c.turns().get(next).role() == Role.ASSISTANT
        ? Optional.of(c.turns().get(next)) : Optional.empty();
  }
}
