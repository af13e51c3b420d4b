package dev.rehearsal.allure;

import dev.rehearsal.engine.spi.GateTestEvent;
import dev.rehearsal.gate.CheckResult;
import dev.rehearsal.gate.RateEstimate;
import dev.rehearsal.run.CategoryResult;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.spec.CategorySpec;
import dev.rehearsal.spec.Severity;
import dev.rehearsal.text.Utf8Files;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.model.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Labels, parameters, links and description of one gate test. */
final class TestLabels {

  /** Labels we own: Allure's listener derives some of them from the (class-less) test source, which says nothing here. */
  private static final Set<String> OWNED = Set.of("epic", "feature", "story", "severity", "owner", "parentSuite",
      "suite", "subSuite", "tag");

  /** The suite that holds every gate's release decision. */
  static final String DECISIONS = "release decision";

  private TestLabels() {}

  static void apply(AllureLifecycle lifecycle, GateTestEvent e) {
    List<Label> labels = labels(e);
    List<Parameter> parameters = parameters(e);
    Link spec = new Link().setName("spec " + e.mark().file().getFileName() + ":" + e.mark().line())
        .setUrl(SpecLinks.url(e.mark())).setType("spec");
    lifecycle.updateTestCase(tc -> {
      if (e.kind() == GateTestEvent.Kind.DECISION) {
        tc.setName(Utf8Files.wellFormed(decisionName(e.run())));
      }
      tc.getLabels().removeIf(l -> OWNED.contains(l.getName()));
      tc.getLabels().addAll(labels);
      tc.getParameters().addAll(parameters);
      tc.getLinks().add(spec);
      tc.setDescription(Utf8Files.wellFormed(description(e)));
    });
  }

  /** {@code HOLD · hh-harmlessness-hold release decision}: the decision is the first word people read. */
  static String decisionName(GateRun run) {
    return run.decision().action().wireName().toUpperCase(Locale.ROOT) + " · " + run.spec().id() + " release decision";
  }

  static List<Label> labels(GateTestEvent e) {
    GateRun run = e.run();
    List<Label> out = new ArrayList<>();
    out.add(label("epic", run.spec().id()));
    // Decisions are a top-level suite of their own, beside the gates, rather than the last test inside each gate.
    out.add(label("parentSuite", e.kind() == GateTestEvent.Kind.DECISION ? DECISIONS : run.spec().id()));
    run.spec().tags().forEach(t -> out.add(label("tag", t)));
    if (e.category().isPresent()) {
      CategorySpec c = e.category().get().category();
      out.add(label("feature", c.group()));
      out.add(label("story", c.id()));
      out.add(label("suite", c.id()));
      out.add(label("subSuite", e.kind() == GateTestEvent.Kind.COMPARISON ? "vs production" : e.segment()));
      out.add(label("severity", severity(c.severity())));
      out.add(label("owner", c.owner()));
      out.add(label("tag", c.failureClass()));
      c.tags().forEach(t -> out.add(label("tag", t)));
    } else {
      String what = e.kind() == GateTestEvent.Kind.HEALTH ? "simulation health" : "release decision";
      out.add(label("feature", what));
      out.add(label("story", what));
      out.add(label("suite", e.kind() == GateTestEvent.Kind.DECISION ? run.spec().id() : what));
      out.add(label("severity", "blocker"));
      out.add(label("owner", run.spec().owner()));
    }
    return out;
  }

  /** Allure's severities: blocker, critical, normal, minor, trivial. */
  static String severity(Severity s) {
    return switch (s) {
      case CRITICAL -> "blocker";
      case HIGH -> "critical";
      case MEDIUM -> "normal";
      case LOW -> "minor";
    };
  }

  static List<Parameter> parameters(GateTestEvent e) {
    List<Parameter> out = new ArrayList<>();
    out.add(parameter("promise", e.run().spec().promise()));
    out.add(parameter("gate owner", e.run().spec().owner()));
    if (e.category().isEmpty()) {
      out.add(parameter("decision", e.run().decision().action().wireName()));
      out.add(parameter("candidate", e.run().candidate().description()));
      out.add(parameter("production", e.run().production().description()));
      return out;
    }
    CategoryResult r = e.category().get();
    RateEstimate c = r.candidate().get(e.segment());
    RateEstimate p = r.production().get(e.segment());
    out.add(parameter("segment", e.segment()));
    out.add(parameter("n", Integer.toString(c.n())));
    out.add(parameter("k", Integer.toString(c.k())));
    out.add(parameter("rate", c.n() == 0 ? "n/a" : RateEstimate.percent(c.rate())));
    if (c.n() > 0) {
      out.add(parameter("95% interval (Jeffreys)", "[" + RateEstimate.percent(c.jeffreys95().lower()) + ", "
          + RateEstimate.percent(c.jeffreys95().upper()) + "]"));
    }
    out.add(parameter("production", p.describe()));
    for (CheckResult check : e.checks()) {
      out.add(parameter(check.threshold().describeLimit(), check.verdict() + (Double.isNaN(check.value()) ? ""
          : String.format(Locale.ROOT, " (%s = %.5g)", check.method(), check.value()))));
    }
    return out;
  }

  private static String description(GateTestEvent e) {
    // The failure message already shows the numbers; the description keeps what the gate promises.
    return "Gate " + e.run().spec().id() + " — promise: " + e.run().spec().promise() + " (owner "
        + e.run().spec().owner() + ")";
  }

  private static Label label(String name, String value) {
    return new Label().setName(name).setValue(Utf8Files.wellFormed(value));
  }

  private static Parameter parameter(String name, String value) {
    return new Parameter().setName(name).setValue(Utf8Files.wellFormed(value));
  }
}
