package dev.rehearsal.jupiter;

import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.Response;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;
import org.junit.jupiter.params.support.ParameterDeclarations;

/** Provides one {@link GateItem} per sampled prefix of the gate named by {@link GateSamples}. */
final class GateSamplesProvider implements ArgumentsProvider, AnnotationConsumer<GateSamples> {

  private String gate = "";

  @Override
  public void accept(GateSamples annotation) {
    gate = annotation.value();
  }

  @Override
  public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
    GateRun run = GateRuns.run(context, gate);
    return run.sample().prefixes().stream().map(p -> Arguments.of(new GateItem(p.sampleId(), p.segment(), p.turns(),
        text(run.candidate().responses().get(p.sampleId())), text(run.production().responses().get(p.sampleId())))));
  }

  private static java.util.Optional<String> text(Response response) {
    return response == null ? java.util.Optional.empty() : response.text();
  }
}
