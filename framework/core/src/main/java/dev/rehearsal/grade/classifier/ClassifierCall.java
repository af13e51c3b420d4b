package dev.rehearsal.grade.classifier;

import dev.rehearsal.grade.GraderException;
import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** One classifier call through the runtime's client; a failed call is a counted grader error. */
final class ClassifierCall {

  private ClassifierCall() {}

  static CompletableFuture<ModelReply> send(ModelClient client, ModelRequest request, String grader) {
    CompletableFuture<ModelReply> reply;
    try {
      reply = client.complete(request);
    } catch (RuntimeException e) {
      reply = CompletableFuture.failedFuture(e);
    }
    return reply.handle((r, e) -> {
      if (e == null) {
        return r;
      }
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      String kind = cause instanceof ModelException m ? m.kind().name().toLowerCase(Locale.ROOT) : cause.getClass().getSimpleName();
      throw new GraderException("classifier call failed", "grader '" + grader + "': " + kind + ": " + cause.getMessage());
    });
  }

  /** Blocks for a verdict, unwrapping the grader error. */
  static <T> T join(CompletableFuture<T> future, String grader) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof GraderException g ? g
          : new GraderException("classifier failed", "grader '" + grader + "': " + e.getCause());
    }
  }
}
