package dev.rehearsal.grade;

/**
 * A rule grader that reads its response through a {@link CharSequence}, so a {@link GradeBudget}
 * can stop it mid-scan (a regex cannot be interrupted otherwise).
 */
interface TextScan {

  /** Grades {@code response}; reading it may throw {@link DeadlineText.Exceeded}. */
  Verdict scan(CharSequence response);
}
