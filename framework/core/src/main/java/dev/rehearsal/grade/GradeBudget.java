package dev.rehearsal.grade;

import dev.rehearsal.conversation.Turn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apiguardian.api.API;

/**
 * The most time one rule grade may take. A grade that exceeds it throws {@link GraderException}
 * with reason {@value #REASON}, which the run counts as a grader error of the arm (issue 12, item
 * 8): hostile output can slow a gate down by at most the budget per response, never hang it, and
 * never pass unseen. Graders that read through {@link TextScan} are stopped at the deadline; others
 * are timed and counted when they return late.
 *
 * @param limit the budget per grade
 * @param clock nanoseconds, {@link System#nanoTime} outside tests
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record GradeBudget(Duration limit, LongSupplier clock) {

  /** The system property that sets the budget (an ISO-8601 duration such as {@code PT10S}). */
  public static final String PROPERTY = "rehearsal.grade.time-budget";

  /** The countable reason of a grade over budget. */
  public static final String REASON = "time budget exceeded";

  public GradeBudget {
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("Grade time budget is not strictly positive: " + limit);
    }
  }

  /** The budget from {@value #PROPERTY}, 10 seconds by default (generous for 2 shared cores). */
  public static GradeBudget fromSystemProperties() {
    String value = System.getProperty(PROPERTY, "PT10S");
    try {
      return new GradeBudget(Duration.parse(value), System::nanoTime);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("System property " + PROPERTY + " must be an ISO-8601 duration such as"
          + " PT10S, was '" + value + "'", e);
    }
  }

  /** {@code grader} with this budget applied to each grade. */
  public Grader apply(Grader grader) {
    return new Budgeted(grader, this, grader instanceof TextScan && Budgeted.scansAsItGrades(grader),
        Budgeted.ownAsync(grader));
  }

  // scans and ownAsync are looked up once here: reflection on every grade cost more than some grades.
  private record Budgeted(Grader inner, GradeBudget budget, boolean scans, boolean async) implements Grader {

    @Override
    public Set<String> labels() {
      return inner.labels();
    }

    @Override
    public String defaultLabel() {
      return inner.defaultLabel();
    }

    @Override
    public Map<String, Object> procedure() {
      return inner.procedure();
    }

    @Override
    public Verdict grade(List<Turn> prefix, String response) {
      long start = budget.clock.getAsLong();
      long deadline = start + budget.limit.toNanos();
      Verdict verdict;
      try {
        verdict = scans ? ((TextScan) inner).scan(new DeadlineText(response, deadline, budget.clock))
            : inner.grade(prefix, response);
      } catch (DeadlineText.Exceeded e) {
        throw over(response);
      }
      if (budget.clock.getAsLong() - deadline > 0) {
        throw over(response);
      }
      return verdict;
    }

    // Every other Grader method must be forwarded too, or the wrapper silently changes the verdict.
    @Override
    public java.util.concurrent.CompletableFuture<Verdict> gradeRefusedByApi(List<Turn> prefix, String text) {
      return inner.gradeRefusedByApi(prefix, text);
    }

    // Model-backed graders keep their own non-blocking path (their calls carry timeouts); running
    // them through grade() here would serialise every judge call.
    @Override
    public java.util.concurrent.CompletableFuture<Verdict> gradeAsync(List<Turn> prefix, String response) {
      if (async) {
        return inner.gradeAsync(prefix, response);
      }
      return Grader.super.gradeAsync(prefix, response);
    }

    // A subclass that overrides grade() but not scan() must be run through grade().
    static boolean scansAsItGrades(Grader grader) {
      try {
        Class<?> c = grader.getClass();
        return c.getMethod("grade", List.class, String.class).getDeclaringClass()
            == c.getMethod("scan", CharSequence.class).getDeclaringClass();
      } catch (NoSuchMethodException e) {
        return false;
      }
    }

    static boolean ownAsync(Grader grader) {
      try {
        return grader.getClass().getMethod("gradeAsync", List.class, String.class).getDeclaringClass() != Grader.class;
      } catch (NoSuchMethodException e) {
        return false;
      }
    }

    private GraderException over(String response) {
      return new GraderException(REASON, "grading " + response.length() + " characters took longer than "
          + budget.limit + " (raise it with -D" + PROPERTY + "=PT30S if the grader is known to be slow)");
    }
  }
}
