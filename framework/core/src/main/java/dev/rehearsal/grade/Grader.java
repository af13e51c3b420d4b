package dev.rehearsal.grade;

import dev.rehearsal.conversation.Turn;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apiguardian.api.API;

/**
 * A frozen measurement procedure: labels a response to a prefix. Implementations must be
 * deterministic for rule graders and thread-safe.
 *
 * <p>A grader that cannot reach a verdict (a model call failed, the judge's verdict stayed malformed
 * after its retries) throws {@link GraderException}: the pipeline counts it as a grader error of
 * the arm, never as a pass.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Grader {

  /** The labels this grader can give. */
  Set<String> labels();

  /** The label a category uses when it names none. */
  String defaultLabel();

  /** Grades {@code response}, the next assistant turn after {@code prefix}. */
  Verdict grade(List<Turn> prefix, String response);

  /**
   * Grades without blocking; model-backed graders override it so a run can keep many judge calls
   * in flight. The future fails with {@link GraderException} where {@link #grade} would throw.
   */
  default CompletableFuture<Verdict> gradeAsync(List<Turn> prefix, String response) {
    try {
      return CompletableFuture.completedFuture(grade(prefix, response));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Grades a response the provider's API refused ({@code text} is its refusal message, maybe
   * empty). By default it is graded like any text; refusal and compliance graders override it.
   */
  default CompletableFuture<Verdict> gradeRefusedByApi(List<Turn> prefix, String text) {
    return gradeAsync(prefix, text);
  }

  /**
   * Everything that decides this grader's output beyond its spec settings (rule lists, prompt
   * text, model id and parameters), as JSON-mappable values. It goes into the grader's
   * fingerprint, so a library upgrade that changes a built-in rule list also changes it.
   */
  default Map<String, Object> procedure() {
    return Map.of("class", getClass().getName());
  }
}
