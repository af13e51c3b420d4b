package dev.rehearsal.prefix;

/** A log record that cannot be read; the message says what is wrong with it. */
final class BadRecordException extends Exception {
  private static final long serialVersionUID = 1L;

  BadRecordException(String message) {
    super(message);
  }
}
