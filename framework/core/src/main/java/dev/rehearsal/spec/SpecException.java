package dev.rehearsal.spec;

import org.apiguardian.api.API;

/**
 * An invalid gate file: says what is wrong, where (file:line:column and the path in the document)
 * and how to fix it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SpecException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Mark mark;
  private final String documentPath;
  private final String problem;

  public SpecException(Mark mark, String documentPath, String problem) {
    // Masked here, where every spec error is made, so no call site can echo a value from ${VAR}.
    super(Secrets.mask(mark + ": " + problem + " (at " + documentPath + ")"));
    this.mark = mark;
    this.documentPath = documentPath;
    this.problem = Secrets.mask(problem);
  }

  /** Where the problem is. */
  public Mark mark() {
    return mark;
  }

  /** The path in the document, like {@code $.categories[1].grader}. */
  public String documentPath() {
    return documentPath;
  }

  /** The problem and its fix, without the location. */
  public String problem() {
    return problem;
  }
}
