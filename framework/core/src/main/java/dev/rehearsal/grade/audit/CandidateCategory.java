package dev.rehearsal.grade.audit;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Findings no tracked category explains, grouped by normalised name: a candidate for a new
 * tracked category.
 *
 * @param key the normalised name ({@link CategoryNames#normalise})
 * @param name the most frequent wording of the name
 * @param count findings in the group
 * @param responses distinct audited responses with such a finding
 * @param rate {@code responses} over audited responses
 * @param examples up to five findings, for review
 * @param draftDefinition a definition to start from when accepting it as a tracked category
 * @param reviewed whether the spec lists it under {@code audit.reviewed}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CandidateCategory(String key, String name, int count, int responses, double rate, List<Finding> examples,
    String draftDefinition, boolean reviewed) {
  public CandidateCategory {
    examples = List.copyOf(examples);
  }
}
