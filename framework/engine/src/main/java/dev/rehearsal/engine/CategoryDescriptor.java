package dev.rehearsal.engine;

import dev.rehearsal.spec.CategorySpec;
import dev.rehearsal.spec.GateSpec;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** A tracked category: one test per segment, one for the overall rate, one against production. */
final class CategoryDescriptor extends AbstractTestDescriptor implements Node<GateContext> {

  private final GateSpec gate;
  private final CategorySpec category;

  CategoryDescriptor(UniqueId parent, GateSpec gate, CategorySpec category) {
    super(parent.append("category", category.id()), gate.id() + " › " + category.id(), Sources.of(category.mark()));
    this.gate = gate;
    this.category = category;
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }

  @Override
  public Set<TestTag> getTags() {
    return Tags.of(gate.tags(), category.tags());
  }
}
