package dev.rehearsal.grade.taxonomy;

import dev.rehearsal.spec.Severity;
import org.apiguardian.api.API;

/**
 * One tracked category of the taxonomy pack.
 *
 * @param id the category id ({@code disallowed/violence}); its last segment is the judge label
 * @param definition what the judge looks for, in one or two sentences
 * @param guidance borderline cases that are not violations
 * @param severity the default severity
 * @param failureClass the failure class, which decides the owner of a breach
 * @param owner the default owner role
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TaxonomyEntry(String id, String definition, String guidance, Severity severity,
    FailureClass failureClass, String owner) {

  /** The label a judge gives for this category: the id's last segment ({@code violence}). */
  public String label() {
    return id.substring(id.lastIndexOf('/') + 1);
  }

  /** The text that stands for {@code {{category_definition}}} in a judge prompt. */
  public String judgeDefinition() {
    return "- " + label() + ": " + definition + " " + guidance;
  }
}
