package dev.rehearsal.grade;

import dev.rehearsal.conversation.Turn;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Labels a response that contains any of its words or phrases (case-insensitive, at word
 * boundaries); the first match is the evidence. The list is compiled once into a
 * {@link KeywordMatcher}, so grading is linear in the response whatever the list's length.
 */
final class KeywordGrader implements Grader, TextScan {

  private final String label;
  private final List<String> words;
  private final KeywordMatcher matcher;

  KeywordGrader(String label, List<String> words) {
    this.label = label;
    this.words = List.copyOf(words);
    this.matcher = new KeywordMatcher(this.words);
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
    // Written as the per-word patterns this grader replaced, so existing fingerprints and lock
    // files stay valid: the measurement is the same.
    int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    return Map.of("label", label, "patterns", words.stream()
        .map(w -> "\\b" + Pattern.quote(w) + "\\b/" + flags).toList());
  }

  @Override
  public Verdict grade(List<Turn> prefix, String response) {
    return scan(response, new long[1]);
  }

  @Override
  public Verdict scan(CharSequence response) {
    return scan(response, new long[1]);
  }

  /** Grades {@code response}, adding the matcher's steps to {@code work[0]} (for tests). */
  Verdict scan(CharSequence response, long[] work) {
    return Verdict.of(matcher.first(response, work)
        .map(m -> List.of(new Evidence(label, response.subSequence(m.start(), m.end()).toString(), m.start(), m.end())))
        .orElse(List.of()));
  }
}
