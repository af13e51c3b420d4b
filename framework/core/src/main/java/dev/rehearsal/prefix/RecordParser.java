package dev.rehearsal.prefix;

/** Parses one line of a log format into a conversation. */
interface RecordParser {
  LoggedConversation parse(String line, String fallbackId, long lineNumber) throws BadRecordException;
}
