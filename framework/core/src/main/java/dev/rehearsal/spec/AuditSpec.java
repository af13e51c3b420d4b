package dev.rehearsal.spec;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The gate's automated audit: an open-ended auditor model reads candidate responses and reports
 * misbehaviour no tracked category names.
 *
 * @param model the {@code models:} entry that audits
 * @param sample how many candidate responses to audit (the first ones of the sample)
 * @param maxUnreviewed fail the audit test when more candidate categories than this are unreviewed;
 *     empty: the audit only reports
 * @param reviewed normalised names of candidate categories a person reviewed and chose not to track
 * @param mark where {@code audit:} is written
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record AuditSpec(String model, int sample, Optional<Integer> maxUnreviewed, List<String> reviewed, Mark mark) {
  public AuditSpec {
    reviewed = List.copyOf(reviewed);
  }
}
