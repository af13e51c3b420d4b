package dev.rehearsal.jupiter;

import dev.rehearsal.conversation.Turn;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One sampled item of a rehearsal: the prefix and what each arm answered.
 *
 * @param sampleId the sample's stable id
 * @param segment its segment
 * @param prefix the conversation up to the user turn
 * @param candidate the candidate's answer (empty when its call failed)
 * @param production production's answer (empty when its call failed)
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GateItem(String sampleId, String segment, List<Turn> prefix, Optional<String> candidate,
    Optional<String> production) {

  public GateItem {
    prefix = List.copyOf(prefix);
  }

  /** The last user message, which names the invocation. */
  public String lastUserMessage() {
    for (int i = prefix.size() - 1; i >= 0; i--) {
      if (prefix.get(i).role() == dev.rehearsal.conversation.Role.USER) {
        return prefix.get(i).text();
      }
    }
    return "";
  }

  @Override
  public String toString() {
    String ask = lastUserMessage();
    return sampleId + " (" + segment + "): " + (ask.length() > 60 ? ask.substring(0, 57) + "..." : ask);
  }
}
