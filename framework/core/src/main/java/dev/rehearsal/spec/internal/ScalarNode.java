package dev.rehearsal.spec.internal;

import dev.rehearsal.spec.Mark;
import java.util.Optional;

/**
 * A scalar value.
 *
 * @param text the value after {@code ${ENV}} interpolation
 * @param quoted whether YAML typed it as a string (quoted or plain text)
 * @param interpolatedFrom the raw text when it referenced the environment; errors show this, never
 *     the value
 */
public record ScalarNode(
    String text, boolean quoted, Optional<String> interpolatedFrom, boolean isNull, Mark mark, String path)
    implements Node {

  @Override
  public String kindName() {
    return isNull ? "null" : "a scalar";
  }

  /** The value as it may be shown in an error: the raw {@code ${VAR}} text for secrets. */
  public String shown() {
    return interpolatedFrom.map(raw -> raw + " (value from the environment, not shown)")
        .orElse("'" + text + "'");
  }
}
