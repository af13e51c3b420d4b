package dev.rehearsal.prefix.deid;

import org.apiguardian.api.API;

/**
 * One match in a text: its kind and where it is (the value is read from the text only to redact it).
 *
 * @param kind what was found
 * @param start offset of the first char
 * @param end offset after the last char
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Finding(PiiKind kind, int start, int end) {

  boolean overlaps(Finding o) {
    return start < o.end && o.start < end;
  }
}
