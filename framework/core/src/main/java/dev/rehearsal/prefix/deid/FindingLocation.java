package dev.rehearsal.prefix.deid;

import org.apiguardian.api.API;

/**
 * Where a finding is, without its value: safe to print in logs and reports.
 *
 * @param sampleId the prefix's sample id
 * @param turn index of the turn in the prefix
 * @param field {@code text}, or {@code tool_calls[i].arguments}
 * @param kind what was found
 * @param offset char offset in that field
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record FindingLocation(String sampleId, int turn, String field, PiiKind kind, int offset) {

  @Override
  public String toString() {
    return sampleId + " turn " + turn + " " + field + " offset " + offset + ": " + kind.wireName();
  }
}
