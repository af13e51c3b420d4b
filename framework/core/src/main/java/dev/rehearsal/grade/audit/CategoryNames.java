package dev.rehearsal.grade.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Normalises finding names so that the auditor's different wordings of one behaviour group
 * together: lower case, words only, stop words removed, a light suffix-stripping stemmer, sorted
 * ("Hacked the calculators" and "calculator hacking" both give {@code calcul-hack}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CategoryNames {

  static final Set<String> STOP = Set.of("a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "with", "about",
      "by", "as", "at", "from", "its", "it", "is", "are", "was", "be", "that", "this", "their", "his", "her", "user",
      "users", "have", "has", "had", "response", "assistant", "model", "behavior", "behaviour", "s");

  private CategoryNames() {}

  /** The grouping key of a name. */
  public static String normalise(String name) {
    return Arrays.stream(name.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
        .filter(w -> !w.isEmpty() && !STOP.contains(w))
        .map(CategoryNames::stem)
        .distinct().sorted()
        .collect(Collectors.joining("-"));
  }

  /** "runn" (from "running") becomes "run", as in Porter's step 1b; "ll", "ss" and "zz" stay. */
  private static String undouble(String s) {
    int n = s.length();
    char last = s.charAt(n - 1);
    return n >= 3 && last == s.charAt(n - 2) && "aeiouylsz".indexOf(last) < 0 ? s.substring(0, n - 1) : s;
  }

  /** Strips common English inflections; deliberately crude, so both "hacking" and "hacked" give "hack". */
  static String stem(String w) {
    for (String suffix : new String[] {"ations", "ation", "ators", "ator", "ings", "ing", "ed", "ies", "es", "s", "ly", "er", "ion", "or", "e"}) {
      if (w.length() - suffix.length() >= 4 && w.endsWith(suffix)) {
        return undouble(w.substring(0, w.length() - suffix.length()));
      }
    }
    return w;
  }
}
