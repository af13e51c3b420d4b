package dev.rehearsal.prefix;

import dev.rehearsal.spec.BadDataSpec;
import dev.rehearsal.spec.PrefixSpec;
import dev.rehearsal.spec.SampleSpec;
import dev.rehearsal.spec.SegmentSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The state of one streaming pass: counts, the production mix of segments, and one bounded
 * reservoir per stratum. Memory is O(sample size × strata), whatever the log size.
 */
final class SamplingPass implements RecordSink {

  static final int MAX_PROBLEMS = 20;

  private final PrefixSpec spec;
  private final Eligibility eligibility;
  private final Map<String, BottomK> reservoirs = new LinkedHashMap<>();
  final Map<String, Long> rejected = new TreeMap<>();
  final Map<String, Long> population = new LinkedHashMap<>();
  private final TreeMap<Long, String> problems = new TreeMap<>();
  long records;
  long conversations;
  long userTurns;
  long eligible;
  final DistinctPrefixes distinct = new DistinctPrefixes();

  SamplingPass(PrefixSpec spec) {
    this.spec = spec;
    // Content hashes always: the report counts distinct prefixes exactly, dedup or not.
    this.eligibility = new Eligibility(spec.eligible(), true,
        spec.source().format().equals("multi-reply"));
    spec.segments().forEach(s -> population.put(s.id(), 0L));
  }

  @Override
  public void accept(LoggedConversation record) {
    records++;
    conversations++;
    SampleSpec sample = spec.sample();
    eligibility.scan(record.conversation(), (f, reason) -> {
      userTurns++;
      if (reason.isPresent()) {
        rejected.merge(reason.get(), 1L, Long::sum);
        return;
      }
      eligible++;
      distinct.add(f.contentHash(), f.ordinal());
      String segment = segmentOf(f);
      population.merge(segment, 1L, Long::sum);
      BottomK reservoir = reservoirs.computeIfAbsent(sample.stratified() ? segment : "",
          s -> new BottomK(sample.size(), sample.dedup()));
      long key = sample.dedup() ? BottomK.contentKey(sample.seed(), f.contentHash())
          : sample.key() == SampleSpec.Key.MD5 ? Md5Key.of(sample.seed(), record.conversation().id(), f.ordinal())
          : BottomK.key(sample.seed(), record.line(), f.ordinal());
      if (sample.dedup() || reservoir.admits(key)) {
        reservoir.offer(new BottomK.Entry(key, record, f.ordinal(), segment));
      }
    });
  }

  @Override
  public void reject(long position, String where, String problem) throws BadDataException {
    records++;
    String message = where + ": " + problem + "; fix or remove the record";
    if (spec.badRecords().policy() == BadDataSpec.Policy.FAIL) {
      throw new BadDataException(message + ", or set prefixes.bad-records.policy: skip to skip and count bad records.");
    }
    rejected.merge("bad-record", 1L, Long::sum);
    problems.put(position, message);
    if (problems.size() > MAX_PROBLEMS) {
      problems.pollLastEntry();
    }
  }

  /** The first bad records by position, whatever order they were found in. */
  List<String> problems() {
    return new ArrayList<>(problems.values());
  }

  /**
   * Adds another pass over other records of the same source (a parallel reader's share). The bottom-k
   * of a union is the bottom-k of the parts' bottom-ks, so the merged sample is the one a single pass
   * would draw, whatever the split.
   */
  void merge(SamplingPass other) {
    records += other.records;
    conversations += other.conversations;
    userTurns += other.userTurns;
    eligible += other.eligible;
    distinct.merge(other.distinct);
    other.rejected.forEach((k, v) -> rejected.merge(k, v, Long::sum));
    other.population.forEach((k, v) -> population.merge(k, v, Long::sum));
    other.problems.forEach(problems::put);
    while (problems.size() > MAX_PROBLEMS) {
      problems.pollLastEntry();
    }
    other.reservoirs.forEach((stratum, r) -> {
      BottomK mine = reservoirs.computeIfAbsent(stratum, s -> new BottomK(spec.sample().size(), spec.sample().dedup()));
      for (BottomK.Entry e : r.smallest(Integer.MAX_VALUE)) {
        mine.offer(e);
      }
    });
  }

  String segmentOf(PrefixFeatures f) {
    for (SegmentSpec s : spec.segments()) {
      if (s.rule().matches(f::field)) {
        return s.id();
      }
    }
    return PrefixSampler.UNSEGMENTED;
  }

  Optional<BottomK> reservoir(String stratum) {
    return Optional.ofNullable(reservoirs.get(stratum));
  }
}
