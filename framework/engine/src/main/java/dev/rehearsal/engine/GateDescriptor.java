package dev.rehearsal.engine;

import dev.rehearsal.spec.Secrets;

import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import dev.rehearsal.spec.GateSpec;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** A gate: the container that rehearses the deployment once; its children read the result. */
final class GateDescriptor extends AbstractTestDescriptor implements Node<GateContext> {

  static final String SEGMENT = "gate";
  private final GateSpec spec;

  GateDescriptor(UniqueId parent, GateSpec spec) {
    super(parent.append(SEGMENT, spec.id()), spec.id(), Sources.of(spec.mark()));
    this.spec = spec;
  }

  GateSpec spec() {
    return spec;
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }

  @Override
  public Set<TestTag> getTags() {
    return Tags.of(spec.tags());
  }

  @Override
  public GateContext before(GateContext context) throws Exception {
    GateRun run;
    try {
      run = new GateRunner(context.settings().runOptions()).refreezing(context.settings().refreeze()).run(spec);
    } catch (dev.rehearsal.run.BatchPendingException e) {
      return pending(context, e.pending());
    } catch (RuntimeException e) {
      // Infrastructure errors quote URLs, model ids and settings; none may carry a value from ${VAR}.
      throw Secrets.scrubbed(e);
    }
    context.listeners().each(l -> l.gateRehearsed(run));
    return context.with(run);
  }

  /** Writes the PENDING decision files and says so on the console; the decision test then fails. */
  private GateContext pending(GateContext context, dev.rehearsal.run.BatchPending pending) throws java.io.IOException {
    java.nio.file.Path written = dev.rehearsal.run.PendingReport.write(spec, pending, context.settings().reportsDir())
        .toAbsolutePath();
    if (context.settings().printDecision()) {
      System.out.println(Secrets.mask(dev.rehearsal.run.PendingReport.text(spec, pending) + "Decision files: " + written));
    }
    return context.with(pending);
  }
}
