package dev.rehearsal.model.runtime;

import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.ModelException.Kind;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Unwraps the wrappers that CompletableFuture puts around a model failure. */
final class Futures {

  private Futures() {}

  static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** The failure as a ModelException; anything else is a client bug, reported as FATAL. */
  static ModelException classify(Throwable failure, String modelId) {
    Throwable t = unwrap(failure);
    if (t instanceof ModelException e) {
      return e;
    }
    return new ModelException(Kind.FATAL, "Model client " + modelId + " failed with "
        + t.getClass().getSimpleName() + "; this is a bug in the client", t);
  }
}
