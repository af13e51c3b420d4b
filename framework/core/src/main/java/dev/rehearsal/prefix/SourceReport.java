package dev.rehearsal.prefix;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What reading a log found: every line is accounted for as a conversation or a rejected record.
 *
 * @param file the log file
 * @param lines non-blank lines read
 * @param conversations records read as conversations
 * @param userTurns user turns in those conversations
 * @param eligibleTurns user turns that passed eligibility
 * @param rejected rejected records and turns by reason
 * @param problems the first problems, each with file:line and what to fix
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SourceReport(
    String file,
    long lines,
    long conversations,
    long userTurns,
    long eligibleTurns,
    Map<String, Long> rejected,
    List<String> problems) {

  public SourceReport {
    rejected = Map.copyOf(rejected);
    problems = List.copyOf(problems);
  }

  /** Records that could not be read at all. */
  public long badRecords() {
    return rejected.getOrDefault("bad-record", 0L);
  }
}
