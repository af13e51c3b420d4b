package dev.rehearsal.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The keyword automaton against a brute-force search with the same rules, on seeded texts. */
class KeywordMatcherTests {

  @Test
  void finds_the_same_first_match_as_a_brute_force_search() {
    List<String> words = List.of("bomb", "Poison", "weapon", "kill", "killer", "ill", "a b", "ab", "b", "naïve",
        "STRASSE", "café", "x_y", "42");
    String alphabet = "abkilmopsw BOMBKILL _-.,'\n42éïçÉ";
    KeywordMatcher matcher = new KeywordMatcher(words);
    SplittableRandom random = new SplittableRandom(3);
    int found = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(0, 40); k > 0; k--) {
        text.append(random.nextInt(6) == 0 ? words.get(random.nextInt(words.size()))
            : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
      }
      String t = text.toString();
      Optional<KeywordMatcher.Match> expected = bruteForce(words, t);
      Optional<KeywordMatcher.Match> actual = matcher.first(t);
      assertThat(actual.map(m -> List.of(m.start(), m.end()))).as(t).isEqualTo(expected.map(m -> List.of(m.start(), m.end())));
      found += expected.isPresent() ? 1 : 0;
    }
    assertThat(found).as("texts with a match, of 20,000").isBetween(2_000, 18_000);
  }

  /** The match that ends first; among those ending together, the longest (as the automaton reports). */
  private static Optional<KeywordMatcher.Match> bruteForce(List<String> words, String text) {
    List<String> longestFirst = new ArrayList<>(words);
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    for (int end = 1; end <= text.length(); end++) {
      for (String w : longestFirst) {
        int start = end - w.length();
        if (start >= 0 && same(text, start, w) && boundary(text, start) && boundary(text, end)) {
          return Optional.of(new KeywordMatcher.Match(w, start, end));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean same(String text, int start, String word) {
    for (int i = 0; i < word.length(); i++) {
      if (KeywordMatcher.fold(text.charAt(start + i)) != KeywordMatcher.fold(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean boundary(String text, int at) {
    boolean before = at > 0 && word(text.charAt(at - 1));
    boolean after = at < text.length() && word(text.charAt(at));
    return before != after;
  }

  private static boolean word(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
