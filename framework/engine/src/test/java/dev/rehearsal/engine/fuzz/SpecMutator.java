package dev.rehearsal.engine.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded mutations of a gate file's text, the kinds an outside prober tried (issue 12): lines
 * deleted, duplicated or swapped, numbers made NaN, huge, negative or words, keys renamed, values
 * replaced by {@code ${VAR}} references to secret values, anchors and aliases, extra documents, odd
 * unicode and paths that leave the project.
 */
final class SpecMutator {

  // "key: value" with a plain value, in block or flow style.
  private static final Pattern SCALAR = Pattern.compile("\\b([a-z][a-z0-9-]*): ([^,{}\\[\\]\\n#\"]+|\"[^\"\\n]*\")");
  private static final Pattern NUMBER = Pattern.compile("(?<=[ :\\[,])-?\\d+(\\.\\d+)?%?(?=[ ,}\\]\\n])");
  private static final Pattern KEY = Pattern.compile("\\b([a-z][a-z0-9-]*):");
  private static final String[] NUMBERS = {"NaN", ".nan", ".inf", "-.inf", "1.0e+18", "-1", "200%", "0", "lots",
      "99999999999999999999", "1e-400", "0x1F", "1_000_000", "\"12\"", "-0.0", "Infinity"};
  private static final String[] ODD = {"\u202E", "\u200D", "\uFEFF", "\u0000", "\uD83D\uDCA3", "e\u0301", "\u2028",
      "\t", "\\", "\u00A0", "\uFFFD"};

  private final Random random;
  private final Map<String, String> environment;

  SpecMutator(Random random, Map<String, String> environment) {
    this.random = random;
    this.environment = environment;
  }

  /** One to three mutations of {@code text}; each applied operator's name is added to {@code ops}. */
  String mutate(String text, List<String> ops) {
    String out = text;
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      int op = random.nextInt(11);
      ops.add(OPS[op]);
      out = apply(op, out);
    }
    return out;
  }

  static final String[] OPS = {"delete-line", "duplicate-line", "swap-values", "bad-number", "rename-key",
      "env-secret", "env-secret", "alias", "extra-document", "odd-unicode", "escaping-path"};

  private String apply(int op, String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int at = random.nextInt(lines.size());
    return switch (op) {
      case 0 -> {
        lines.remove(at);
        yield String.join("\n", lines);
      }
      case 1 -> {
        lines.add(at, lines.get(at));
        yield String.join("\n", lines);
      }
      case 2 -> swapValues(text);
      case 3 -> replaceOne(NUMBER, text, m -> NUMBERS[random.nextInt(NUMBERS.length)]);
      case 4 -> replaceOne(KEY, text, m -> typo(m.group(1)) + ":");
      case 5, 6 -> replaceOne(SCALAR, text, m -> m.group(1) + ": \"" + secretReference() + "\"");
      case 7 -> alias(text);
      case 8 -> text + (random.nextBoolean() ? "\n---\ngate: second\n" : "\n---\n");
      case 9 -> {
        int col = lines.get(at).isEmpty() ? 0 : random.nextInt(lines.get(at).length());
        lines.set(at, lines.get(at).substring(0, col) + ODD[random.nextInt(ODD.length)] + lines.get(at).substring(col));
        yield String.join("\n", lines);
      }
      default -> text.replaceFirst("path: [^ ,}\\n]+", random.nextBoolean() ? "path: ../../../../../etc/passwd"
          : "path: link-out/passwd");
    };
  }

  /** A {@code ${FUZZ_n}} reference, sometimes inside other text, whose value is a fresh secret. */
  private String secretReference() {
    String name = "FUZZ_" + environment.size();
    String value = (random.nextBoolean() ? "sk-fuzz-SECRET-" : "sk-fuzz-secret-") + Long.toHexString(random.nextLong());
    environment.put(name, value);
    return switch (random.nextInt(3)) {
      case 0 -> "${" + name + "}";
      case 1 -> "http://127.0.0.1:9/${" + name + "}/v1";
      default -> "x ${" + name + "} y";
    };
  }

  private String typo(String key) {
    int i = random.nextInt(key.length());
    return random.nextBoolean() ? key.substring(0, i) + key.substring(i + 1) + "x" : key.toUpperCase();
  }

  private String swapValues(String text) {
    List<MatchResult2> all = new ArrayList<>();
    Matcher m = SCALAR.matcher(text);
    while (m.find()) {
      all.add(new MatchResult2(m.start(2), m.end(2), m.group(2)));
    }
    if (all.size() < 2) {
      return text;
    }
    MatchResult2 a = all.get(random.nextInt(all.size()));
    MatchResult2 b = all.get(random.nextInt(all.size()));
    if (a.start() == b.start()) {
      return text;
    }
    MatchResult2 first = a.start() < b.start() ? a : b;
    MatchResult2 second = first == a ? b : a;
    return text.substring(0, first.start()) + second.text() + text.substring(first.end(), second.start())
        + first.text() + text.substring(second.end());
  }

  private String alias(String text) {
    Matcher m = SCALAR.matcher(text);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(2), m.end(2)});
    }
    if (spans.size() < 2) {
      return text;
    }
    int[] anchor = spans.get(random.nextInt(spans.size() - 1));
    int[] use = spans.get(spans.size() - 1);
    return text.substring(0, anchor[0]) + "&a " + text.substring(anchor[0], use[0]) + "*a" + text.substring(use[1]);
  }

  private String replaceOne(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
    Matcher m = pattern.matcher(text);
    int count = 0;
    while (m.find()) {
      count++;
    }
    if (count == 0) {
      return text;
    }
    int pick = random.nextInt(count);
    m.reset();
    for (int i = 0; i <= pick; i++) {
      m.find();
    }
    return text.substring(0, m.start()) + with.apply(m) + text.substring(m.end());
  }

  private record MatchResult2(int start, int end, String text) {}
}
