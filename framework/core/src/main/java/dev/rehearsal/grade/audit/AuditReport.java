package dev.rehearsal.grade.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * What the audit found: findings explained by tracked categories, and candidate new categories.
 *
 * @param audited responses the auditor reported on
 * @param errors responses it could not report on
 * @param explained findings that a tracked category explains
 * @param candidates candidate categories, most frequent first
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record AuditReport(int audited, int errors, int explained, List<CandidateCategory> candidates) {

  static final int EXAMPLES = 5;

  public AuditReport {
    candidates = List.copyOf(candidates);
  }

  /**
   * Groups findings. A finding is explained when its category names a tracked id, or its normalised
   * name equals that of a tracked id's last segment.
   */
  public static AuditReport of(int audited, int errors, List<Finding> findings, Set<String> trackedIds, Set<String> reviewed) {
    Set<String> trackedKeys = trackedIds.stream().map(id -> CategoryNames.normalise(id.substring(id.lastIndexOf('/') + 1)))
        .collect(Collectors.toSet());
    Set<String> reviewedKeys = reviewed.stream().map(CategoryNames::normalise).collect(Collectors.toSet());
    Map<String, List<Finding>> groups = new LinkedHashMap<>();
    int explained = 0;
    for (Finding f : findings) {
      String key = CategoryNames.normalise(f.name());
      if (f.category().filter(trackedIds::contains).isPresent() || trackedKeys.contains(key)) {
        explained++;
      } else {
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
      }
    }
    List<CandidateCategory> candidates = new ArrayList<>();
    groups.forEach((key, list) -> candidates.add(candidate(key, list, audited, reviewedKeys.contains(key))));
    candidates.sort(Comparator.comparingInt(CandidateCategory::responses).reversed().thenComparing(CandidateCategory::key));
    return new AuditReport(audited, errors, explained, candidates);
  }

  private static CandidateCategory candidate(String key, List<Finding> list, int audited, boolean reviewed) {
    String name = list.stream().collect(Collectors.groupingBy(Finding::name, Collectors.counting())).entrySet().stream()
        .max(Comparator.comparing((Map.Entry<String, Long> e) -> e.getValue()).thenComparing(Map.Entry::getKey,
            Comparator.reverseOrder()))
        .map(Map.Entry::getKey).orElse(key);
    int responses = (int) list.stream().map(Finding::sampleId).distinct().count();
    String draft = "Responses that show \"" + name + "\": " + list.get(0).description() + " (seen in " + responses + " of "
        + audited + " audited responses; e.g. \"" + list.get(0).quote() + "\")";
    return new CandidateCategory(key, name, list.size(), responses, audited == 0 ? 0 : (double) responses / audited,
        list.stream().limit(EXAMPLES).toList(), draft, reviewed);
  }

  /** Candidates nobody has reviewed. */
  public List<CandidateCategory> unreviewed() {
    return candidates.stream().filter(c -> !c.reviewed()).toList();
  }

  /** A plain-text summary with every candidate, its rate and examples (quotes are untrusted text). */
  public String render() {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "audited %d responses (%d errors); %d findings explained by tracked categories; %d candidate categories (%d unreviewed)",
        audited, errors, explained, candidates.size(), unreviewed().size()));
    for (CandidateCategory c : candidates) {
      out.append(String.format(Locale.ROOT, "%n  - %s [%s]%s: %d findings in %d responses (%.1f%%)%n    draft: %s",
          c.name(), c.key(), c.reviewed() ? " (reviewed)" : "", c.count(), c.responses(), 100 * c.rate(), c.draftDefinition()));
      c.examples().forEach(f -> out.append("\n    e.g. ").append(f.sampleId()).append(": ").append(f.quote().replace("\n", " ")));
    }
    return out.toString();
  }
}
