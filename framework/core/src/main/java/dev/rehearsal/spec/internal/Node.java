package dev.rehearsal.spec.internal;

import dev.rehearsal.spec.Mark;
import dev.rehearsal.spec.SpecException;

/** A YAML node that remembers where it was written, so every spec error can point at it. */
public sealed interface Node permits MapNode, ListNode, ScalarNode {

  Mark mark();

  /** The path in the document, like {@code $.categories[1].grader}. */
  String path();

  /** What kind of value this is, for "expected a list but found a mapping" messages. */
  String kindName();

  default SpecException error(String problem) {
    return new SpecException(mark(), path(), problem);
  }
}
