package dev.rehearsal.grade.judge;

import dev.rehearsal.conversation.Turn;
import java.util.List;
import java.util.Set;

/**
 * One judge question: the rendered prompt for some labels of one response.
 *
 * @param labels the labels asked about
 * @param rendered the rendered prompt with its nonce
 * @param response the response under judgement, for the evidence check
 */
record Question(List<String> labels, JudgePrompt.Rendered rendered, String response) {

  static Question of(JudgeSettings settings, List<String> labels, List<Turn> prefix, String response) {
    String definitions = String.join("\n", labels.stream().map(settings.definitions()::get).toList());
    return new Question(List.copyOf(labels), settings.prompt().render(definitions, labels, prefix, response), response);
  }

  Set<String> allowed() {
    return Set.copyOf(labels);
  }
}
