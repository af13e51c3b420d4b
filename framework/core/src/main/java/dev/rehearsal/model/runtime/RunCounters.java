package dev.rehearsal.model.runtime;

import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.ModelException.Kind;
import dev.rehearsal.model.ModelReply;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.apiguardian.api.API;

/**
 * Thread-safe counts of call outcomes for one model; {@link #snapshot()} gives a {@link RunStats}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RunCounters {

  private static final int MAX_REASONS = 20;

  private final long startNanos = System.nanoTime();
  private final PriceTable prices;
  private final LongAdder attempts = new LongAdder();
  private final LongAdder succeeded = new LongAdder();
  private final LongAdder succeededAfterRetry = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final Map<Kind, LongAdder> errors = new EnumMap<>(Kind.class);
  private final Map<String, LongAdder> reasons = new ConcurrentHashMap<>();
  private final LongAdder budgetRejections = new LongAdder();
  private final LongAdder breakerRejections = new LongAdder();
  private final LongAdder inputTokens = new LongAdder();
  private final LongAdder outputTokens = new LongAdder();
  private final LongAdder withoutUsage = new LongAdder();
  private final LongAdder cutShort = new LongAdder();
  private final DoubleAdder cost = new DoubleAdder();

  public RunCounters(PriceTable prices) {
    this.prices = prices;
    for (Kind kind : Kind.values()) {
      errors.put(kind, new LongAdder());
    }
  }

  void attempt() {
    attempts.increment();
  }

  void retry() {
    retries.increment();
  }

  void success(ModelReply reply, boolean afterRetry) {
    succeeded.increment();
    if (afterRetry) {
      succeededAfterRetry.increment();
    }
    if (reply.cutShort()) {
      cutShort.increment();
    }
    inputTokens.add(reply.inputTokens());
    outputTokens.add(reply.outputTokens());
    cost.add(prices.cost(reply.inputTokens(), reply.outputTokens()));
  }

  /** Counts a reply that arrived without token usage (its tokens and cost are unknown). */
  void withoutUsage() {
    withoutUsage.increment();
  }

  void error(ModelException e) {
    errors.get(e.kind()).increment();
    String reason = e.kind() + ": " + String.valueOf(e.getMessage());
    if (reasons.size() < MAX_REASONS || reasons.containsKey(reason)) {
      reasons.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }
  }

  void budgetRejection() {
    budgetRejections.increment();
  }

  void breakerRejection() {
    breakerRejections.increment();
  }

  long tokens() {
    return inputTokens.sum() + outputTokens.sum();
  }

  double cost() {
    return cost.sum();
  }

  public RunStats snapshot() {
    Map<Kind, Long> byKind = new EnumMap<>(Kind.class);
    errors.forEach((k, v) -> byKind.put(k, v.sum()));
    Map<String, Long> byReason = new java.util.HashMap<>();
    reasons.forEach((k, v) -> byReason.put(k, v.sum()));
    return new RunStats(attempts.sum(), succeeded.sum(), succeededAfterRetry.sum(), retries.sum(),
        byKind, byReason, budgetRejections.sum(), breakerRejections.sum(), inputTokens.sum(),
        outputTokens.sum(), cost.sum(), withoutUsage.sum(), cutShort.sum(), Duration.ofNanos(System.nanoTime() - startNanos));
  }
}
