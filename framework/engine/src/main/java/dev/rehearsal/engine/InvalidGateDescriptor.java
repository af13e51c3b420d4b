package dev.rehearsal.engine;

import dev.rehearsal.spec.SpecException;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * A gate file that could not be loaded. Besides the discovery issue, it is a test that errors, so
 * a bad gate fails the build (fail closed) while the other gates still run.
 */
final class InvalidGateDescriptor extends AbstractTestDescriptor implements Node<GateContext> {

  private final SpecException problem;

  InvalidGateDescriptor(UniqueId parent, java.nio.file.Path file, SpecException problem) {
    super(parent.append("invalid-gate", file.toAbsolutePath().normalize().toString()),
        "invalid gate file " + file.getFileName(), Sources.of(problem.mark()));
    this.problem = problem;
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }

  @Override
  public GateContext execute(GateContext context, DynamicTestExecutor executor) {
    throw new SpecException(problem.mark(), problem.documentPath(), problem.problem());
  }
}
