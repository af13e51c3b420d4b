package dev.rehearsal.prefix.deid;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Replaces findings with typed placeholders, consistently within one conversation: the same e-mail
 * address becomes {@code [EMAIL_1]} in every turn and every logged variant, a second one
 * {@code [EMAIL_2]}. Use one instance per conversation.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Redactor {

  private final PiiScanner scanner;
  private final Map<String, String> placeholders = new HashMap<>();
  private final Map<PiiKind, Integer> next = new EnumMap<>(PiiKind.class);

  public Redactor(PiiScanner scanner) {
    this.scanner = scanner;
  }

  /** The text with every finding replaced. */
  public String redact(String text) {
    List<Finding> findings = scanner.scan(text);
    if (findings.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (Finding f : findings) {
      out.append(text, at, f.start()).append(placeholder(f.kind(), text.substring(f.start(), f.end())));
      at = f.end();
    }
    return out.append(text, at, text.length()).toString();
  }

  private String placeholder(PiiKind kind, String value) {
    return placeholders.computeIfAbsent(kind.name() + '\u0000' + normalize(kind, value),
        v -> "[" + kind.label() + "_" + next.merge(kind, 1, Integer::sum) + "]");
  }

  // The same card or phone written with other separators is the same value.
  private static String normalize(PiiKind kind, String value) {
    return switch (kind) {
      case PAYMENT_CARD, PHONE, IBAN -> value.replaceAll("[^0-9A-Za-z+]", "");
      case EMAIL -> value.toLowerCase(java.util.Locale.ROOT);
      default -> value;
    };
  }
}
