package dev.rehearsal.spec.internal;

import dev.rehearsal.spec.Mark;
import java.util.List;

/** A YAML sequence. */
public record ListNode(List<Node> items, Mark mark, String path) implements Node {

  public ListNode {
    items = List.copyOf(items);
  }

  @Override
  public String kindName() {
    return "a list";
  }
}
