package dev.rehearsal.grade;

import java.util.function.LongSupplier;

/**
 * A response whose reads fail once a deadline has passed: how a grade that runs too long is
 * stopped, since neither regexes nor rule loops look at thread interrupts. The clock is read every
 * 4,096 character reads, so the check costs nothing measurable.
 */
final class DeadlineText implements CharSequence {

  /** The deadline passed during a read. */
  static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exceeded() {
      super("time budget exceeded", null, false, false);
    }
  }

  private final String text;
  private final long deadline;
  private final LongSupplier clock;
  private int reads;

  DeadlineText(String text, long deadline, LongSupplier clock) {
    this.text = text;
    this.deadline = deadline;
    this.clock = clock;
  }

  @Override
  public char charAt(int index) {
    if ((++reads & 0xFFF) == 0 && clock.getAsLong() - deadline > 0) {
      throw new Exceeded();
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.substring(start, end);
  }

  @Override
  public String toString() {
    return text;
  }
}
