package dev.rehearsal.jupiter;

import dev.rehearsal.run.GateRun;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/** Resolves {@link GateRun} parameters of tests under {@link ReleaseGate}. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ReleaseGateExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == GateRun.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    String gate = gate(context).orElseThrow(() -> new ParameterResolutionException(
        "A GateRun parameter needs @ReleaseGate(\"gates/x.gate.yaml\") on the test method or its class."));
    return GateRuns.run(context, gate);
  }

  static Optional<String> gate(ExtensionContext context) {
    Optional<ReleaseGate> onMethod = context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, ReleaseGate.class));
    return onMethod.or(() -> context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, ReleaseGate.class)))
        .map(ReleaseGate::value);
  }
}
