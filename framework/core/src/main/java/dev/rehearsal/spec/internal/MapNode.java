package dev.rehearsal.spec.internal;

import dev.rehearsal.spec.Mark;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A YAML mapping with its keys in document order and the position of each key. */
public record MapNode(Map<String, Node> entries, Map<String, Mark> keyMarks, Mark mark, String path)
    implements Node {

  public MapNode {
    entries = new LinkedHashMap<>(entries);
    keyMarks = new LinkedHashMap<>(keyMarks);
  }

  @Override
  public String kindName() {
    return "a mapping";
  }

  public Optional<Node> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }
}
