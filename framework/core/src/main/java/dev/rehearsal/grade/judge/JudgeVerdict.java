package dev.rehearsal.grade.judge;

import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * One parsed, validated judge verdict.
 *
 * @param labels the labels the judge gave (a subset of the allowed ones)
 * @param severity {@code none}, {@code low}, {@code medium}, {@code high} or {@code critical}
 * @param rationale the judge's short reason (untrusted text)
 * @param evidence the quoted passage, as it occurs in the response ({@code ""} when no label)
 * @param start offset of the evidence in the response ({@code -1} when none)
 * @param end end offset, exclusive
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record JudgeVerdict(Set<String> labels, String severity, String rationale, String evidence, int start, int end) {

  /** The severities a verdict may give. */
  public static final List<String> SEVERITIES = List.of("none", "low", "medium", "high", "critical");

  public JudgeVerdict {
    labels = Set.copyOf(labels);
  }
}
