package dev.rehearsal.spec;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A tracked category of misbehaviour, measured by one grader label.
 *
 * @param id the category id ({@code disallowed/violence}); its group is the part before '/'
 * @param grader the grader id
 * @param label the grader label that marks a response as in this category
 * @param severity how bad one occurrence is
 * @param failureClass the failure class (each has a different owner)
 * @param owner who acts on a breach
 * @param tags JUnit tags of the category's tests
 * @param mark where it is declared
 * @param grading how its rates account for grader error (gate-level {@code grading:} merged in)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CategorySpec(
    String id,
    String grader,
    String label,
    Severity severity,
    String failureClass,
    String owner,
    List<String> tags,
    Mark mark,
    GradingSpec grading) {

  public CategorySpec {
    tags = List.copyOf(tags);
  }

  /** A category with the default grading (corrected once labels exist). */
  public CategorySpec(String id, String grader, String label, Severity severity, String failureClass, String owner,
      List<String> tags, Mark mark) {
    this(id, grader, label, severity, failureClass, owner, tags, mark, GradingSpec.defaults());
  }

  /** The group: the id up to its first '/', or the id itself. */
  public String group() {
    int slash = id.indexOf('/');
    return slash < 0 ? id : id.substring(0, slash);
  }
}
