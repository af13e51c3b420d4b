package dev.rehearsal.model.runtime;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Enforces a {@link Budget} before each attempt; once exceeded, every later attempt is refused. */
final class BudgetGuard {

  private final Budget budget;
  private final RunCounters counters;
  private final String model;
  private final AtomicLong calls = new AtomicLong();
  private volatile Optional<BudgetExceededException> stopped = Optional.empty();

  BudgetGuard(Budget budget, RunCounters counters, String model) {
    this.budget = budget;
    this.counters = counters;
    this.model = model;
  }

  /** Takes one call from the budget, or throws when a cap is reached. */
  void beforeAttempt() {
    stopped.ifPresent(e -> {
      throw e;
    });
    if (budget.maxTokens() > 0 && counters.tokens() >= budget.maxTokens()) {
      throw stop("budget.tokens", budget.maxTokens() + " tokens", calls.get());
    }
    if (budget.maxCost() > 0 && counters.cost() >= budget.maxCost()) {
      throw stop("budget.cost", format(budget.maxCost()), calls.get());
    }
    long n = calls.incrementAndGet();
    if (budget.maxCalls() > 0 && n > budget.maxCalls()) {
      calls.decrementAndGet();
      throw stop("budget.calls", budget.maxCalls() + " calls", budget.maxCalls());
    }
  }

  Optional<BudgetExceededException> stopped() {
    return stopped;
  }

  private synchronized BudgetExceededException stop(String cap, String limit, long callsMade) {
    if (stopped.isEmpty()) {
      RunStats spent = counters.snapshot();
      stopped = Optional.of(new BudgetExceededException(cap, "Budget cap " + cap + " = " + limit
          + " reached for model " + model + ": spent " + callsMade + " calls, " + spent.tokens()
          + " tokens (" + spent.inputTokens() + " in, " + spent.outputTokens() + " out), cost "
          + format(spent.cost()) + ". The run stopped; raise " + cap
          + " in the model entry of the spec or sample fewer prefixes."));
    }
    return stopped.get();
  }

  private static String format(double cost) {
    return String.format(Locale.ROOT, "%.4f", cost);
  }
}
