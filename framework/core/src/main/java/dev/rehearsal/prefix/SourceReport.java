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
 * @param duplicates eligible user turns whose prefix (every turn up to and including it) equals an
 *     earlier one, counted exactly over the whole log whether or not {@code sample.dedup} is on
 * @param duplicatesExact always true since the count is exact (kept for readers of older reports)
 * @param inputs the files read, each with its size and SHA-256, checked unchanged at the end of the read
 * @param distinctPrefixes distinct eligible prefixes: the eligible user turns after de-duplication
 * @param sharedHistory of the duplicates, user turns after the first: their repeated prefix holds
 *     logged history, so records share conversation prefixes (a tree-shaped log)
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
    List<InputFile> inputs,
    long distinctPrefixes,
    long sharedHistory) {

  public SourceReport {
    rejected = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rejected));
    problems = List.copyOf(problems);
    inputs = List.copyOf(inputs);
  }

  /** A report without prefix counts: every eligible turn distinct. */
  public SourceReport(String file, long lines, long conversations, long userTurns, long eligibleTurns,
      Map<String, Long> rejected, List<String> problems, long duplicates, boolean duplicatesExact,
      List<InputFile> inputs) {
    this(file, lines, conversations, userTurns, eligibleTurns, rejected, problems, duplicates, duplicatesExact,
        inputs, eligibleTurns - duplicates, 0);
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

  /** Whether records share conversation prefixes (one record per path or per assistant turn). */
  public boolean treeShaped() {
    return sharedHistory > 0;
  }

  /** User turns rejected by eligibility (bad records, which are whole records, not counted). */
  public long rejectedTurns() {
    return rejected.entrySet().stream().filter(e -> !e.getKey().equals("bad-record"))
        .mapToLong(Map.Entry::getValue).sum();
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
