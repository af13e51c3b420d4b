package dev.rehearsal.grade;

import dev.rehearsal.conversation.Turn;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A frozen measurement procedure: labels a response to a prefix. Implementations must be
 * deterministic for rule graders and thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Grader {

  /** The labels this grader can give. */
  Set<String> labels();

  /** The label a category uses when it names none. */
  String defaultLabel();

  /** Grades {@code response}, the next assistant turn after {@code prefix}. */
  Verdict grade(List<Turn> prefix, String response);
}
