package dev.rehearsal.bench.store;

import dev.rehearsal.bench.Benchmark;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.run.store.CacheKey;
import dev.rehearsal.run.store.CachingModelClient;
import dev.rehearsal.run.store.ResponseCache;
import dev.rehearsal.run.store.RunStore;
import dev.rehearsal.run.store.StoreLocation;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the claim protocol costs a single runner: a cold pass of N distinct requests through
 * {@link CachingModelClient} (cache lookup, claim, call, store and release) against the path before
 * claims (lookup, call, store), over an in-process model that answers at once, so the store is all
 * that is measured. Rounds alternate between the two paths on fresh stores; SQLite always,
 * PostgreSQL when {@code REHEARSAL_PG_URL} (and user and password) name a server.
 */
public final class StoreClaimsBenchmark implements Benchmark {

  private static final int N = 5_000;
  private static final int ROUNDS = 3;

  private static final ModelClient MODEL = new ModelClient() {
    @Override
    public CompletableFuture<ModelReply> complete(ModelRequest request) {
      return CompletableFuture.completedFuture(ModelReply.text("reply to " + request.sampleKey()));
    }

    @Override
    public String modelId() {
      return "in-process";
    }
  };

  @Override
  public String name() {
    return "store-claims";
  }

  @Override
  public void run(PrintStream out) throws Exception {
    Path dir = Files.createTempDirectory("rehearsal-claims");
    int[] next = {0};
    compare(out, "sqlite", () -> RunStore.open(StoreLocation.file(dir.resolve("s" + next[0]++ + ".db"))));
    Optional<String> pg = Optional.ofNullable(System.getenv("REHEARSAL_PG_URL")).filter(s -> !s.isBlank());
    if (pg.isPresent()) {
      compare(out, "postgresql", () -> RunStore.open(StoreLocation.jdbc(schema(pg.get(), "bench_" + next[0]++)),
          name -> System.getenv(name.equals(RunStore.USER_ENV) ? "REHEARSAL_PG_USER" : "REHEARSAL_PG_PASSWORD")));
    } else {
      out.println("postgresql: skipped, REHEARSAL_PG_URL not set (eval \"$(.ci/postgres start)\")");
    }
  }

  private static void compare(PrintStream out, String kind, Supplier<RunStore> fresh) {
    runRound(fresh, true);
    runRound(fresh, false);
    double[] plain = new double[ROUNDS];
    double[] claimed = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      plain[r] = runRound(fresh, false);
      claimed[r] = runRound(fresh, true);
      out.printf(Locale.ROOT, "%s round %d: before claims %.1f µs/request, with claims %.1f µs/request%n", kind,
          r + 1, plain[r], claimed[r]);
    }
    Arrays.sort(plain);
    Arrays.sort(claimed);
    out.printf(Locale.ROOT, "%s: median %.1f vs %.1f µs/request, with/before claims %.2f (N=%d, load %.2f)%n", kind,
        plain[ROUNDS / 2], claimed[ROUNDS / 2], claimed[ROUNDS / 2] / plain[ROUNDS / 2], N,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /** µs per request of one cold pass of N requests issued at once, as a gate arm issues them. */
  private static double runRound(Supplier<RunStore> fresh, boolean claims) {
    try (RunStore store = fresh.get()) {
      ModelClient client = claims ? new CachingModelClient(MODEL, store.responses(), false) : before(store.responses());
      long start = System.nanoTime();
      List<CompletableFuture<ModelReply>> replies = new ArrayList<>(N);
      for (int i = 0; i < N; i++) {
        replies.add(client.complete(new ModelRequest(List.of(Turn.user("q" + i)), Map.of(),
            Map.of("temperature", 0), "s" + i)));
      }
      replies.forEach(CompletableFuture::join);
      return (System.nanoTime() - start) / 1e3 / N;
    }
  }

  /** The caching client as it was before claims: lookup, in-flight sharing, call, store. */
  private static ModelClient before(ResponseCache cache) {
    ConcurrentHashMap<String, CompletableFuture<ModelReply>> inFlight = new ConcurrentHashMap<>();
    return new ModelClient() {
      @Override
      public CompletableFuture<ModelReply> complete(ModelRequest request) {
        String key = CacheKey.of(MODEL.modelId(), Map.of(), request);
        Optional<ModelReply> cached = cache.get(key);
        if (cached.isPresent()) {
          return CompletableFuture.completedFuture(cached.get());
        }
        CompletableFuture<ModelReply> mine = new CompletableFuture<>();
        CompletableFuture<ModelReply> shared = inFlight.putIfAbsent(key, mine);
        if (shared != null) {
          return shared;
        }
        MODEL.complete(request).thenApply(reply -> {
          cache.put(key, MODEL.modelId(), reply);
          return reply;
        }).whenComplete((reply, failure) -> {
          inFlight.remove(key);
          mine.complete(reply);
        });
        return mine;
      }

      @Override
      public String modelId() {
        return MODEL.modelId();
      }
    };
  }

  /** The server URL with a new schema of its own. */
  private static String schema(String url, String schema) {
    Properties p = new Properties();
    p.setProperty("user", System.getenv("REHEARSAL_PG_USER"));
    p.setProperty("password", System.getenv("REHEARSAL_PG_PASSWORD"));
    try (Connection c = DriverManager.getConnection(url, p); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      s.execute("CREATE SCHEMA " + schema);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Cannot create schema " + schema + " on " + url + ": " + e.getMessage(), e);
    }
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }
}
