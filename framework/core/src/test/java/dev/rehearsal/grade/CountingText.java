package dev.rehearsal.grade;

/** A text that counts how often it is read: a deterministic measure of a scan's work. */
final class CountingText implements CharSequence {

  private final String text;
  long reads;

  CountingText(String text) {
    this.text = text;
  }

  @Override
  public char charAt(int index) {
    reads++;
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
