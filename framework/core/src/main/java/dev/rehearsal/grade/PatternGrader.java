package dev.rehearsal.grade;

import dev.rehearsal.conversation.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Labels a response when any of its patterns matches; the first match of each is the evidence. */
class PatternGrader implements Grader, TextScan {

  private final String label;
  private final List<Pattern> patterns;

  PatternGrader(String label, List<Pattern> patterns) {
    this.label = label;
    this.patterns = List.copyOf(patterns);
  }

  @Override
  public Set<String> labels() {
    return Set.of(label);
  }

  @Override
  public String defaultLabel() {
    return label;
  }

  @Override
  public Map<String, Object> procedure() {
    // The compiled patterns, flags included: an edited phrase list is a new measurement.
    return Map.of("label", label, "patterns", patterns.stream().map(p -> p.pattern() + "/" + p.flags()).toList());
  }

  @Override
  public Verdict grade(List<Turn> prefix, String response) {
    return scan(response);
  }

  @Override
  public Verdict scan(CharSequence response) {
    List<Evidence> evidence = new ArrayList<>();
    for (Pattern pattern : patterns) {
      Matcher m = pattern.matcher(response);
      if (m.find()) {
        evidence.add(new Evidence(label, m.group(), m.start(), m.end()));
        break;
      }
    }
    return Verdict.of(evidence);
  }
}
