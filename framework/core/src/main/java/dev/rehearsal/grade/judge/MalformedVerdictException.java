package dev.rehearsal.grade.judge;

/** A judge reply that is not a valid verdict; the reason never quotes the judged response. */
final class MalformedVerdictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  MalformedVerdictException(String reason) {
    super(reason);
  }
}
