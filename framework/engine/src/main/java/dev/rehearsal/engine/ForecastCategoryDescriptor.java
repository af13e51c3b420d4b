package dev.rehearsal.engine;

import dev.rehearsal.forecast.CategoryScore;
import dev.rehearsal.forecast.Method;
import dev.rehearsal.forecast.MethodScore;
import dev.rehearsal.forecast.Scorecard;
import dev.rehearsal.spec.Mark;
import java.util.Locale;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;

/**
 * One category of a scorecard: fails when the scored method's multiplicative error exceeds the
 * configured bound, with forecast, realized, error and bound (and every method's numbers) in the message.
 */
final class ForecastCategoryDescriptor extends AbstractTestDescriptor implements Node<GateContext> {

  private final ScorecardDescriptor scorecard;
  private final String category;

  ForecastCategoryDescriptor(ScorecardDescriptor scorecard, String category, Mark mark) {
    super(scorecard.getUniqueId().append("forecast", category), scorecard.spec().id() + " › " + category,
        Sources.of(mark));
    this.scorecard = scorecard;
    this.category = category;
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }

  @Override
  public Set<TestTag> getTags() {
    return Set.of(TestTag.create("scorecard"));
  }

  @Override
  public GateContext execute(GateContext context, DynamicTestExecutor executor) {
    Scorecard card = scorecard.requireRun().scorecard();
    CategoryScore c = card.categories().stream().filter(s -> s.category().equals(category)).findFirst()
        .orElseThrow(() -> new IllegalStateException("Category '" + category + "' has no stored forecast for release '"
            + card.release() + "'"));
    MethodScore s = c.score(card.options().scored());
    if (s.multiplicativeError() > card.options().maxError()) {
      throw new AssertionFailedError(message(card, c, s));
    }
    return context;
  }

  static String message(Scorecard card, CategoryScore c, MethodScore s) {
    StringBuilder m = new StringBuilder(String.format(Locale.ROOT,
        "Forecast error beyond its bound for %s (release %s, %s forecast)%n"
            + "  forecast:   %.5f [%.5f, %.5f]%n  realized:   %.5f (%s)%n  error:      %.2f× (max(p̂/p, p/p̂))%n"
            + "  bound:      %.2f× (scoring.max-error)%n  NLL %.2f, regret %.2f; fidelity Y→Y/Y %.2f×, shift %.2f×%n"
            + "  all methods:",
        c.category(), card.release(), s.method().label(), s.prediction().rate(), s.prediction().lower(),
        s.prediction().upper(), c.inputs().realized().rate(), c.inputs().realized(), s.multiplicativeError(),
        card.options().maxError(), s.nll(), s.regret(), Math.exp(c.fidelityLogError()), Math.exp(c.shiftLogError())));
    for (Method method : Method.values()) {
      if (c.scores().containsKey(method)) {
        MethodScore o = c.score(method);
        m.append(String.format(Locale.ROOT, "%n    %-20s %.5f  error %.2f×  NLL %.2f", method.label(),
            o.prediction().rate(), o.multiplicativeError(), o.nll()));
      }
    }
    return m.toString();
  }
}
