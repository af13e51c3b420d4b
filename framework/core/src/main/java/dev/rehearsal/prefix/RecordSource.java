package dev.rehearsal.prefix;

import java.io.IOException;

/** A log or prompt suite read once, record by record, in a stable order. */
interface RecordSource {

  /** How reports name the source (never a secret such as a JDBC URL with a password). */
  String name();

  /** Reads every record into {@code sink}. */
  void read(RecordSink sink) throws IOException;

  /** The files read so far with their sizes and hashes (none for sources that are not files). */
  default java.util.List<InputFile> inputs() {
    return java.util.List.of();
  }
}
