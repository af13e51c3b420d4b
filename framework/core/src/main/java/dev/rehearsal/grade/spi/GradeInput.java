package dev.rehearsal.grade.spi;

import dev.rehearsal.conversation.Turn;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What a custom grader sees of one item.
 *
 * @param prefix the conversation up to the last user turn
 * @param response the next assistant turn to grade (untrusted model output)
 * @param labels the labels the grader may give (its {@link CustomGrader#labels()})
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GradeInput(List<Turn> prefix, String response, Set<String> labels) {
  public GradeInput {
    prefix = List.copyOf(prefix);
    labels = Set.copyOf(labels);
  }
}
