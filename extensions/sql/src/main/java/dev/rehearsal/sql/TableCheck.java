package dev.rehearsal.sql;

import dev.rehearsal.spec.SqlSpec;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Checks that the relation has the columns the draw reads, with usable types, before querying it. */
final class TableCheck {

  private final List<SqlEngine.Column> columns;
  private final String source;

  TableCheck(List<SqlEngine.Column> columns, String source) {
    this.columns = columns;
    this.source = source;
  }

  void require(SqlSpec.Columns c, List<String> metadata) {
    need(c.conversation(), "conversation", Optional.empty());
    need(c.turn(), "turn", Optional.of(SqlEngine.Kind.INTEGER));
    need(c.role(), "role", Optional.of(SqlEngine.Kind.TEXT));
    need(c.content(), "content", Optional.of(SqlEngine.Kind.TEXT));
    for (String key : metadata) {
      if (find(key).isEmpty()) {
        throw new IllegalArgumentException(source + " has no column '" + key + "', which the gate's rules read as"
            + " metadata." + key + ". Columns: " + names() + closest(key) + ".");
      }
    }
  }

  private void need(String name, String role, Optional<SqlEngine.Kind> kind) {
    SqlEngine.Column column = find(name).orElseThrow(() -> new IllegalArgumentException(source + " has no column '"
        + name + "' (the " + role + " column). Columns: " + names() + closest(name) + ". Rename it in a view, or set"
        + " prefixes.source.sql.columns." + role + "."));
    if (kind.isPresent() && column.kind() != kind.get()) {
      throw new IllegalArgumentException(source + ": column '" + name + "' is " + column.type() + " but the " + role
          + " column must be " + (kind.get() == SqlEngine.Kind.INTEGER
              ? "an integer (the turn's position in its conversation; text would order 10 before 2)"
              : "text") + ". Cast it in a view, or name another column with prefixes.source.sql.columns." + role + ".");
    }
  }

  private Optional<SqlEngine.Column> find(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  private String names() {
    return columns.stream().map(c -> c.name() + " " + c.type()).collect(Collectors.joining(", "));
  }

  private String closest(String name) {
    return columns.stream().filter(c -> c.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
        .map(c -> " (did you mean '" + c.name() + "'?)").findFirst().orElse("");
  }
}
