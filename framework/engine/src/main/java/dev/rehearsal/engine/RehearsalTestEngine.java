package dev.rehearsal.engine;

import org.apiguardian.api.API;
import org.junit.platform.commons.io.ResourceFilter;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;

/**
 * The JUnit Platform engine that runs {@code *.gate.yaml} files as release gates. It wires
 * discovery and execution; the work is in the resolver, the descriptors and the core library.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class RehearsalTestEngine extends HierarchicalTestEngine<GateContext> {

  @Override
  public String getId() {
    return Constants.ENGINE_ID;
  }

  @Override
  public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
    EngineDescriptor engine = new EngineDescriptor(uniqueId, "Rehearsal");
    EngineSettings settings = EngineSettings.from(request.getConfigurationParameters());
    EngineDiscoveryRequestResolver.<EngineDescriptor>builder()
        // One resolver for both kinds: the first resolver that resolves a package or class-path root
        // selector ends its resolution, so a second one (for scorecards) never saw those selectors.
        .addResourceContainerSelectorResolver(ResourceFilter.of(r -> GateFileResolver.isGateFile(r.getName())
            || ScorecardFileResolver.isScorecardFile(r.getName())))
        .addSelectorResolver(ctx -> new GateFileResolver(settings, ctx.getIssueReporter(), ctx.getEngineDescriptor().getUniqueId()))
        .addSelectorResolver(ctx -> new ScorecardFileResolver(settings, ctx.getIssueReporter(), ctx.getEngineDescriptor().getUniqueId()))
        .build()
        .resolve(request, engine);
    return engine;
  }

  @Override
  protected GateContext createExecutionContext(ExecutionRequest request) {
    return new GateContext(EngineSettings.from(request.getConfigurationParameters()), Listeners.load(), java.util.Optional.empty());
  }
}
