package dev.rehearsal.grade.classifier;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses a Llama Guard answer: {@code safe}, or {@code unsafe} and a line of comma-separated S1–S14 codes. */
final class GuardVerdict {

  private static final Pattern CODE = Pattern.compile("S(?:[1-9]|1[0-4])");

  private GuardVerdict() {}

  /** The violated codes (empty for {@code safe}), or empty when the answer is malformed. */
  static Optional<List<String>> parse(String text) {
    String[] lines = text.strip().split("\\R");
    String first = lines[0].strip();
    if (first.equals("safe")) {
      return lines.length == 1 ? Optional.of(List.of()) : Optional.empty();
    }
    if (!first.equals("unsafe") || lines.length != 2) {
      return Optional.empty();
    }
    List<String> codes = Arrays.stream(lines[1].split(",")).map(String::strip).toList();
    return codes.stream().allMatch(c -> CODE.matcher(c).matches()) ? Optional.of(codes) : Optional.empty();
  }
}
