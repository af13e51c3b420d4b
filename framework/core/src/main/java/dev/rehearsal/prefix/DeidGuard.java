package dev.rehearsal.prefix;

import dev.rehearsal.conversation.Conversation;
import dev.rehearsal.conversation.ToolCall;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.prefix.deid.DeidBlockedException;
import dev.rehearsal.prefix.deid.DeidReport;
import dev.rehearsal.prefix.deid.Finding;
import dev.rehearsal.prefix.deid.FindingLocation;
import dev.rehearsal.prefix.deid.PiiKind;
import dev.rehearsal.prefix.deid.PiiScanner;
import dev.rehearsal.prefix.deid.Redactor;
import dev.rehearsal.spec.DeidSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The de-identification guard (design section 9): scans sampled prefixes for personal data and
 * secrets before they leave the machine. {@code redact} rewrites the sample (every turn and logged
 * variant of a sampled conversation, one placeholder per value); {@code block} lets the sample through
 * but {@link #beforeModelCall} stops the run before the first model call; {@code allow} only counts.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DeidGuard {

  private static final PiiScanner SCANNER = new PiiScanner();

  private DeidGuard() {}

  /** Scans the sample and, under {@code redact}, returns it redacted; the report says what was found. */
  public static Sample apply(Sample sample, DeidSpec spec) {
    DeidReport found = scan(sample.prefixes(), spec.policy().wireName(), false);
    if (spec.policy() != DeidSpec.Policy.REDACT || found.total() == 0) {
      return sample.with(sample.prefixes(), found);
    }
    Map<LoggedConversation, LoggedConversation> redacted = new IdentityHashMap<>();
    List<Prefix> out = new ArrayList<>();
    for (Prefix p : sample.prefixes()) {
      LoggedConversation r = redacted.computeIfAbsent(p.source(), DeidGuard::redact);
      out.add(new Prefix(p.sampleId(), r, p.userOrdinal(), PrefixSampler.cut(r.conversation(), p.userOrdinal()),
          p.segment()));
    }
    return sample.with(out, new DeidReport(found.policy(), found.counts(), found.locations(), true));
  }

  /**
   * Called before prefixes are sent to a model: under {@code block}, throws when any prefix holds a
   * finding, listing locations but never values.
   */
  public static void beforeModelCall(DeidSpec spec, List<Prefix> prefixes) {
    if (spec.policy() == DeidSpec.Policy.BLOCK) {
      DeidReport report = scan(prefixes, "block", false);
      if (report.total() > 0) {
        throw new DeidBlockedException(report);
      }
    }
  }

  static DeidReport scan(List<Prefix> prefixes, String policy, boolean redacted) {
    // Each prefix is scanned on its own (in parallel: a sixth of sampling 10^5 prefixes), then the
    // findings are counted in prefix order, so the report is the same as a scan one by one.
    List<List<List<Finding>>> found = java.util.stream.IntStream.range(0, prefixes.size()).parallel()
        .mapToObj(i -> findings(prefixes.get(i))).toList();
    Map<PiiKind, Long> counts = new EnumMap<>(PiiKind.class);
    List<FindingLocation> locations = new ArrayList<>();
    for (int k = 0; k < prefixes.size(); k++) {
      Prefix p = prefixes.get(k);
      java.util.Iterator<List<Finding>> fields = found.get(k).iterator();
      for (int i = 0; i < p.turns().size(); i++) {
        Turn t = p.turns().get(i);
        record(p, i, "text", fields.next(), counts, locations);
        for (int c = 0; c < t.toolCalls().size(); c++) {
          record(p, i, "tool_calls[" + c + "].arguments", fields.next(), counts, locations);
        }
      }
    }
    return new DeidReport(policy, counts, locations, redacted);
  }

  /** The findings of each field of {@code p} in scan order: per turn its text, then each tool call's arguments. */
  private static List<List<Finding>> findings(Prefix p) {
    List<List<Finding>> out = new ArrayList<>(p.turns().size());
    for (Turn t : p.turns()) {
      out.add(SCANNER.scan(t.text()));
      for (ToolCall call : t.toolCalls()) {
        out.add(SCANNER.scan(call.argumentsJson()));
      }
    }
    return out;
  }

  private static void record(Prefix p, int turn, String field, List<Finding> findings, Map<PiiKind, Long> counts,
      List<FindingLocation> locations) {
    for (Finding f : findings) {
      counts.merge(f.kind(), 1L, Long::sum);
      if (locations.size() < DeidReport.MAX_LOCATIONS) {
        locations.add(new FindingLocation(p.sampleId(), turn, field, f.kind(), f.start()));
      }
    }
  }

  private static LoggedConversation redact(LoggedConversation record) {
    Redactor redactor = new Redactor(SCANNER);
    Conversation main = redact(record.conversation(), redactor);
    Map<String, Conversation> variants = new LinkedHashMap<>();
    record.variants().forEach((name, c) -> variants.put(name, c == record.conversation() ? main : redact(c, redactor)));
    return new LoggedConversation(main, variants, record.line());
  }

  private static Conversation redact(Conversation c, Redactor redactor) {
    List<Turn> turns = new ArrayList<>();
    for (Turn t : c.turns()) {
      List<ToolCall> calls = t.toolCalls().stream()
          .map(call -> new ToolCall(call.id(), call.name(), redactor.redact(call.argumentsJson()))).toList();
      turns.add(new Turn(t.role(), redactor.redact(t.text()), calls, t.toolCallId(), t.multimodal()));
    }
    return new Conversation(c.id(), turns, c.metadata(), c.tools());
  }
}
