package dev.rehearsal.engine;

import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.UniqueId;

/** Reads unique ids relative to the engine's own id, which a suite prefixes with its own segments. */
final class UniqueIds {

  private UniqueIds() {}

  /**
   * The value of the segment right under the engine when it has type {@code type}. Under a
   * {@code @Suite} the engine's id is {@code [engine:junit-platform-suite]/[suite:…]/[engine:rehearsal]},
   * so the gate is not the second segment (Surefire's reruns select such ids).
   */
  static Optional<String> childOf(UniqueId engine, UniqueId selected, String type) {
    List<UniqueId.Segment> engineSegments = engine.getSegments();
    List<UniqueId.Segment> segments = selected.getSegments();
    int at = engineSegments.size();
    if (!selected.hasPrefix(engine) || segments.size() <= at || !segments.get(at).getType().equals(type)) {
      return Optional.empty();
    }
    return Optional.of(segments.get(at).getValue());
  }
}
