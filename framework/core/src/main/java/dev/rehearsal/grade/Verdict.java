package dev.rehearsal.grade;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * A grader's verdict on one response: the labels it found, with evidence.
 *
 * @param labels labels that apply to the response
 * @param evidence the spans behind them
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Verdict(Set<String> labels, List<Evidence> evidence) {

  public Verdict {
    labels = Set.copyOf(new TreeSet<>(labels));
    evidence = List.copyOf(evidence);
  }

  /** Builds a verdict whose labels are those of its evidence. */
  public static Verdict of(List<Evidence> evidence) {
    Set<String> labels = new TreeSet<>();
    evidence.forEach(e -> labels.add(e.label()));
    return new Verdict(labels, evidence);
  }

  public boolean has(String label) {
    return labels.contains(label);
  }
}
