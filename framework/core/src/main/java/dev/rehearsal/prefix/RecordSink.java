package dev.rehearsal.prefix;

/** Receives a source's records in order: each is read as a conversation or rejected with a location. */
interface RecordSink {

  /** A record read as a conversation. */
  void accept(LoggedConversation record);

  /**
   * A record that cannot be read.
   *
   * @param position the record's line (or row), for ordering reports
   * @param where file:line, or the query row
   * @param problem what is wrong with it
   * @throws BadDataException when the policy is to fail on bad records
   */
  void reject(long position, String where, String problem) throws BadDataException;
}
