package dev.rehearsal.model.runtime;

import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.ModelException.Kind;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.runtime.CircuitBreaker.Admission;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * Wraps any {@link ModelClient} with the runtime: budget caps, circuit breaker, rate limits,
 * bounded concurrency, per-attempt timeout and retries with full-jitter backoff that honours
 * {@code Retry-After}. Every outcome is counted in {@link #stats()}. No thread blocks while a call
 * waits for a slot, a rate permit or a backoff.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ResilientModelClient implements ModelClient {

  /** Trial attempts a half-open breaker admits before one of them decides. */
  static final int BREAKER_TRIALS = 3;

  private final ModelClient delegate;
  private final RuntimeSettings settings;
  private final RunCounters counters;
  private final AsyncPermits permits;
  private final Optional<RateLimiter> requestRate;
  private final Optional<RateLimiter> tokenRate;
  private final CircuitBreaker breaker;
  private final BudgetGuard budget;
  private final Backoff backoff;

  public ResilientModelClient(ModelClient delegate, RuntimeSettings settings) {
    this.delegate = delegate;
    this.settings = settings;
    this.counters = new RunCounters(settings.prices());
    this.permits = new AsyncPermits(settings.concurrency());
    this.requestRate = limiter(settings.requestsPerMinute());
    this.tokenRate = limiter(settings.tokensPerMinute());
    this.breaker = new CircuitBreaker(settings.breakerFailures(), settings.breakerCooldown(),
        BREAKER_TRIALS);
    this.budget = new BudgetGuard(settings.budget(), counters, delegate.modelId());
    this.backoff = new Backoff(settings.backoff(), settings.backoffMax(), settings.retryAfterCap());
  }

  @Override
  public CompletableFuture<ModelReply> complete(ModelRequest request) {
    CompletableFuture<ModelReply> result = new CompletableFuture<>();
    attempt(request, 0, result);
    return result;
  }

  /** The outcome counts so far. */
  public RunStats stats() {
    return counters.snapshot();
  }

  /** Why the run had to stop, once a budget cap was reached. */
  public Optional<BudgetExceededException> budgetStop() {
    return budget.stopped();
  }

  private void attempt(ModelRequest request, int retry, CompletableFuture<ModelReply> result) {
    try {
      budget.beforeAttempt();
    } catch (BudgetExceededException e) {
      counters.budgetRejection();
      result.completeExceptionally(e);
      return;
    }
    long waitNanos = Math.max(requestRate.map(r -> r.reserve(1)).orElse(0L),
        tokenRate.map(r -> r.reserve(TokenEstimate.of(request))).orElse(0L));
    // Without a rate wait (the common case) the slot is taken at once, with no extra stage.
    CompletableFuture<Void> slot = waitNanos == 0 ? permits.acquire()
        : CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(
            waitNanos, TimeUnit.NANOSECONDS, Runnable::run)).thenCompose(ignored -> permits.acquire());
    slot.thenAccept(ignored -> admitted(request, retry, result));
  }

  /** Holds a slot: asks the breaker now, when the attempt really starts, then calls. */
  private void admitted(ModelRequest request, int retry, CompletableFuture<ModelReply> result) {
    Admission admission = breaker.admit();
    if (admission == Admission.REJECTED) {
      permits.release();
      counters.breakerRejection();
      finish(result, new ModelException(Kind.FATAL,
          breaker.rejection(modelId(), settings.breakerCooldown())), 0);
      return;
    }
    call(request).whenComplete((reply, failure) -> {
      if (failure == null && !reply.usageReported()) {
        counters.withoutUsage();
        if (budgetCountsTokens()) {
          breaker.success();
          permits.release();
          finish(result, withoutUsage(), 0);
          return;
        }
      }
      if (failure == null) {
        breaker.success();
        counters.success(reply, retry > 0);
        // Hand the reply on before freeing the slot: the caller's stages (a cache commit) run
        // here first, so the next waiting call cannot start on this thread ahead of them and a
        // kill -9 then finds the reply stored (issue 12 item 10).
        try {
          result.complete(reply);
        } finally {
          permits.release();
        }
      } else {
        // The breaker hears of the failure before the slot is handed on: releasing first let the
        // next queued call start against a breaker still closed, so a strict server rejecting
        // every call saw two per slot instead of one.
        try {
          failed(request, retry, result, Futures.classify(failure, modelId()), admission);
        } finally {
          permits.release();
        }
      }
    });
  }

  /** A token or cost cap needs the provider's counts; estimating would let the cap be passed. */
  private boolean budgetCountsTokens() {
    return settings.budget().maxCost() > 0 || settings.budget().maxTokens() > 0;
  }

  private ModelException withoutUsage() {
    return new ModelException(Kind.FATAL, "Reply from " + modelId() + " carries no token usage,"
        + " but the model entry caps budget.cost or budget.tokens, which cannot be enforced"
        + " without it; the reply counts as an error (fail closed). Use an endpoint that reports"
        + " usage or drop the token/cost cap (budget.calls needs no usage)");
  }

  private CompletableFuture<ModelReply> call(ModelRequest request) {
    counters.attempt();
    CompletableFuture<ModelReply> call;
    try {
      call = delegate.complete(request);
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    Duration timeout = settings.timeout();
    return call.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).exceptionally(failure -> {
      if (Futures.unwrap(failure) instanceof TimeoutException) {
        throw new ModelException(Kind.RETRYABLE, "No reply from " + modelId() + " within "
            + timeout.toMillis() + " ms; raise 'timeout' in the spec if the model is slow");
      }
      throw Futures.classify(failure, modelId());
    });
  }

  private void failed(ModelRequest request, int retry, CompletableFuture<ModelReply> result,
      ModelException e, Admission admission) {
    boolean retries = settings.retryOn().contains(e.kind()) && retry < settings.maxRetries()
        && budget.stopped().isEmpty();
    breaker.failure(e, admission, !retries);
    if (retries) {
      counters.retry();
      Duration delay = backoff.delay(retry, e.retryAfter());
      CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS, Runnable::run)
          .execute(() -> attempt(request, retry + 1, result));
      return;
    }
    finish(result, e, retry);
  }

  private void finish(CompletableFuture<ModelReply> result, ModelException e, int retries) {
    ModelException reported = retries == 0 || e.kind() == Kind.FATAL ? e
        : new ModelException(e.kind(), e.getMessage() + " (gave up after " + (retries + 1)
            + " attempts)", e);
    counters.error(reported);
    result.completeExceptionally(reported);
  }

  @Override
  public String modelId() {
    return delegate.modelId();
  }

  @Override
  public void close() {
    delegate.close();
  }

  private static Optional<RateLimiter> limiter(long perMinute) {
    return perMinute == 0 ? Optional.empty() : Optional.of(new RateLimiter(perMinute));
  }
}
