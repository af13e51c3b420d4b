package dev.rehearsal.prefix;

import dev.rehearsal.conversation.Conversation;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.spec.PrefixSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apiguardian.api.API;

/**
 * Samples eligible user turns in one streaming pass over a log, so memory grows with the sample, not
 * the log. Uniform over user turns, not conversations, as deployment simulation requires: a
 * conversation with five eligible user turns is five times as likely to contribute a prefix as one
 * with one. Optionally stratified by segment (proportional, equal or Neyman allocation) and
 * de-duplicated; the production mix of segments is recorded for post-stratification. The sample then
 * passes the de-identification guard ({@link DeidGuard}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PrefixSampler {

  /** Segment of prefixes that no segment rule matched. */
  public static final String UNSEGMENTED = "other";

  private final PrefixSpec spec;

  public PrefixSampler(PrefixSpec spec) {
    this.spec = spec;
  }

  /**
   * Reads the source once and returns the sample.
   *
   * @throws BadDataException when a record is bad under {@code bad-records: {policy: fail}}, or the
   *     source cannot be read (e.g. a failing JDBC query)
   */
  public Sample sample() throws IOException {
    if (spec.source().sql().isPresent()) {
      return pushdown().sample(spec);
    }
    RecordSource source = Sources.open(spec.source());
    SamplingPass pass = read(source);
    Map<String, Integer> allocation = Allocations.plan(spec.sample(), pass.population);
    List<BottomK.Entry> chosen = new ArrayList<>();
    // A stratum's whole reservoir needs no ordering by key: the chosen are put in log order below.
    allocation.forEach((stratum, n) -> pass.reservoir(stratum).ifPresent(r ->
        chosen.addAll(n >= r.size() ? r.entries() : r.smallest(n))));
    // Log order. One plain comparator: the composed comparingLong(..).thenComparingInt(..) took about
    // 3% of a whole gate's profile.
    chosen.sort((a, b) -> a.record().line() != b.record().line() ? Long.compare(a.record().line(), b.record().line())
        : Integer.compare(a.ordinal(), b.ordinal()));
    List<Prefix> prefixes = new ArrayList<>(chosen.size());
    for (BottomK.Entry e : chosen) {
      prefixes.add(prefix(e));
    }
    SourceReport report = new SourceReport(source.name(), pass.records, pass.conversations, pass.userTurns,
        pass.eligible, pass.rejected, pass.problems(), pass.distinct.duplicates(), true, source.inputs(),
        pass.distinct.distinct(), pass.distinct.sharedHistory());
    Map<String, Integer> planned = new LinkedHashMap<>(allocation);
    planned.remove("");
    return DeidGuard.apply(new Sample(prefixes, report, pass.population, planned), spec.deid());
  }

  private PushdownSampler pushdown() throws BadDataException {
    List<PushdownSampler> found = ServiceLoader.load(PushdownSampler.class).stream().map(ServiceLoader.Provider::get)
        .toList();
    if (found.size() != 1) {
      throw new BadDataException("The sql prefix source (" + spec.source().sql().get().describe() + ") needs exactly one"
          + " push-down sampler on the classpath but found " + found.size() + "; add the test dependency"
          + " dev.rehearsal:rehearsal-sql" + (found.isEmpty() ? "." : " once and remove the others."));
    }
    return found.get(0);
  }

  private SamplingPass read(RecordSource source) throws IOException {
    if (spec.sample().threads() > 1 && source instanceof LineSource lines) {
      return new ParallelPass(lines, spec.sample().threads()).read(() -> new SamplingPass(spec));
    }
    SamplingPass pass = new SamplingPass(spec);
    source.read(pass);
    return pass;
  }

  private static Prefix prefix(BottomK.Entry e) {
    Conversation c = e.record().conversation();
    return new Prefix(c.id() + "#u" + e.ordinal(), e.record(), e.ordinal(), cut(c, e.ordinal()), e.segment());
  }

  /** The prefix of {@code c} through its {@code ordinal}-th user turn. */
  static List<Turn> cut(Conversation c, int ordinal) {
    return c.turns().subList(0, c.indexOfUserTurn(ordinal) + 1);
  }
}
