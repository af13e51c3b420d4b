package dev.rehearsal.prefix;

import dev.rehearsal.conversation.Conversation;
import dev.rehearsal.conversation.Role;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.spec.EligibilitySpec;
import dev.rehearsal.spec.PrefixSpec;
import dev.rehearsal.spec.SegmentSpec;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apiguardian.api.API;

/**
 * Samples eligible user turns uniformly in one streaming pass over a log (reservoir sampling,
 * Vitter's Algorithm R), so memory grows with the sample, not the log. Uniform over user turns, not
 * conversations, as deployment simulation requires: a conversation with five eligible user turns is
 * five times as likely to contribute a prefix as one with one.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PrefixSampler {

  /** Segment of prefixes that no segment rule matched. */
  public static final String UNSEGMENTED = "other";
  private static final int MAX_PROBLEMS = 20;

  private final PrefixSpec spec;

  public PrefixSampler(PrefixSpec spec) {
    this.spec = spec;
  }

  private record Candidate(LoggedConversation record, int ordinal, long index) {}

  /** Reads the log once and returns the sample. */
  public Sample sample() throws IOException {
    Path file = spec.source().path();
    RecordParser parser = spec.source().format().equals("hh-rlhf") ? new HhRlhfParser() : new OpenAiMessagesParser();
    SplittableRandom random = new SplittableRandom(spec.sample().seed());
    int size = spec.sample().size();
    List<Candidate> reservoir = new ArrayList<>(Math.min(size, 1 << 16));
    Map<String, Long> rejected = new TreeMap<>();
    Map<String, Long> population = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    long lines = 0;
    long conversations = 0;
    long userTurns = 0;
    long eligible = 0;
    try (BufferedReader reader = open(file)) {
      String line;
      long lineNumber = 0;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        lines++;
        LoggedConversation record;
        try {
          record = parser.parse(line, file.getFileName() + ":" + lineNumber, lineNumber);
        } catch (BadRecordException e) {
          rejected.merge("bad-record", 1L, Long::sum);
          if (problems.size() < MAX_PROBLEMS) {
            problems.add(file + ":" + lineNumber + ": " + e.getMessage() + "; fix or remove the line");
          }
          continue;
        }
        conversations++;
        Conversation c = record.conversation();
        int users = c.userTurnCount();
        userTurns += users;
        for (int ordinal = 0; ordinal < users; ordinal++) {
          Optional<String> reason = ineligible(c, ordinal);
          if (reason.isPresent()) {
            rejected.merge(reason.get(), 1L, Long::sum);
            continue;
          }
          population.merge(segmentOf(c, ordinal), 1L, Long::sum);
          offer(reservoir, new Candidate(record, ordinal, eligible), random, size);
          eligible++;
        }
      }
    }
    reservoir.sort(Comparator.comparingLong(Candidate::index));
    List<Prefix> prefixes = new ArrayList<>(reservoir.size());
    for (Candidate cand : reservoir) {
      Conversation c = cand.record().conversation();
      prefixes.add(new Prefix(c.id() + "#u" + cand.ordinal(), cand.record(), cand.ordinal(),
          cut(c, cand.ordinal()), segmentOf(c, cand.ordinal())));
    }
    SourceReport report = new SourceReport(file.toString(), lines, conversations, userTurns, eligible, rejected, problems);
    return new Sample(prefixes, report, population);
  }

  private static void offer(List<Candidate> reservoir, Candidate candidate, SplittableRandom random, int size) {
    if (reservoir.size() < size) {
      reservoir.add(candidate);
      return;
    }
    long j = random.nextLong(candidate.index() + 1);
    if (j < size) {
      reservoir.set((int) j, candidate);
    }
  }

  private Optional<String> ineligible(Conversation c, int ordinal) {
    EligibilitySpec e = spec.eligible();
    int users = ordinal + 1;
    if (users < e.minUserTurns()) {
      return Optional.of("below-min-user-turns");
    }
    if (users > e.maxUserTurns()) {
      return Optional.of("above-max-user-turns");
    }
    int end = c.indexOfUserTurn(ordinal);
    if (e.excludeMultimodal() && c.turns().subList(0, end + 1).stream().anyMatch(Turn::multimodal)) {
      return Optional.of("multimodal");
    }
    if (e.requireLoggedReply() && (end + 1 >= c.turns().size() || c.turns().get(end + 1).role() != Role.ASSISTANT)) {
      return Optional.of("no-logged-reply");
    }
    return Optional.empty();
  }

  static List<Turn> cut(Conversation c, int ordinal) {
    return c.turns().subList(0, c.indexOfUserTurn(ordinal) + 1);
  }

  String segmentOf(Conversation c, int ordinal) {
    List<Turn> prefix = cut(c, ordinal);
    for (SegmentSpec s : spec.segments()) {
      if (s.rule().matches(field -> feature(field, c, prefix, ordinal))) {
        return s.id();
      }
    }
    return UNSEGMENTED;
  }

  private static Optional<String> feature(String field, Conversation c, List<Turn> prefix, int ordinal) {
    return switch (field) {
      case "user-turns" -> Optional.of(Integer.toString(ordinal + 1));
      case "prefix-chars" -> Optional.of(Integer.toString(prefix.stream().mapToInt(t -> t.text().length()).sum()));
      case "has-tools" -> Optional.of(Boolean.toString(
          prefix.stream().anyMatch(t -> t.role() == Role.TOOL || !t.toolCalls().isEmpty())));
      default -> Optional.ofNullable(c.metadata().get(field.substring("metadata.".length())));
    };
  }

  static BufferedReader open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }
}
