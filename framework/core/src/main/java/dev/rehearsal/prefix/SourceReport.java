package dev.rehearsal.prefix;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What reading a source found: every record is accounted for as a conversation or a bad record, and
 * every user turn as eligible or rejected with a reason.
 *
 * @param file the source: a file, or the JDBC driver and column (never the URL)
 * @param lines records read (non-blank lines, CSV records or query rows)
 * @param conversations records read as conversations
 * @param userTurns user turns in those conversations
 * @param eligibleTurns user turns that passed eligibility
 * @param rejected {@code bad-record} counts unreadable records; every other reason counts user turns
 * @param problems the first bad records, each with file:line (or query row) and what to fix
 * @param duplicates eligible user turns whose prefix was identical to one already in the sample
 *     (when {@code sample.dedup} is on)
 * @param duplicatesExact whether {@code duplicates} is exact: false when the reservoir had to drop
 *     candidates, so duplicates of dropped prefixes went unseen and the count is a lower bound
 * @param inputs the files read, each with its size and SHA-256, checked unchanged at the end of the read
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SourceReport(
    String file,
    long lines,
    long conversations,
    long userTurns,
    long eligibleTurns,
    Map<String, Long> rejected,
    List<String> problems,
    long duplicates,
    boolean duplicatesExact,
    List<InputFile> inputs) {

  public SourceReport {
    rejected = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rejected));
    problems = List.copyOf(problems);
    inputs = List.copyOf(inputs);
  }

  public SourceReport(String file, long lines, long conversations, long userTurns, long eligibleTurns,
      Map<String, Long> rejected, List<String> problems, long duplicates, boolean duplicatesExact) {
    this(file, lines, conversations, userTurns, eligibleTurns, rejected, problems, duplicates, duplicatesExact,
        List.of());
  }

  public SourceReport(String file, long lines, long conversations, long userTurns, long eligibleTurns,
      Map<String, Long> rejected, List<String> problems) {
    this(file, lines, conversations, userTurns, eligibleTurns, rejected, problems, 0, true);
  }

  /** Records that could not be read at all (skipped under {@code bad-records: {policy: skip}}). */
  public long badRecords() {
    return rejected.getOrDefault("bad-record", 0L);
  }

  /** The share of records that could not be read. */
  public double badRecordShare() {
    return lines == 0 ? 0.0 : badRecords() / (double) lines;
  }
}
