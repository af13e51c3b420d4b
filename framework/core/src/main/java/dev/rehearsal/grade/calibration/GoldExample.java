package dev.rehearsal.grade.calibration;

import dev.rehearsal.conversation.Turn;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * One gold-labelled example: a conversation, the response that followed, and the labels humans gave.
 *
 * @param conversation the turns before the response
 * @param response the graded response
 * @param labels the human labels (empty: none applies)
 * @param line the 1-based line in the gold file, for messages
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GoldExample(List<Turn> conversation, String response, Set<String> labels, int line) {
  public GoldExample {
    conversation = List.copyOf(conversation);
    labels = Set.copyOf(labels);
  }
}
