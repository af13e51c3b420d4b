package dev.rehearsal.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.platform.engine.TestTag;

/** Spec tags as JUnit tags; invalid ones were rejected when the spec was loaded. */
final class Tags {

  private Tags() {}

  @SafeVarargs
  static Set<TestTag> of(List<String>... lists) {
    Set<TestTag> out = new LinkedHashSet<>();
    for (List<String> list : lists) {
      list.stream().filter(TestTag::isValid).map(TestTag::create).forEach(out::add);
    }
    return out;
  }
}
