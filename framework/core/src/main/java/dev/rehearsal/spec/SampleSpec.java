package dev.rehearsal.spec;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How many eligible user turns to sample, with which seed, how the sample is spread over segments,
 * and whether identical prefixes count once.
 *
 * @param size the sample size
 * @param seed the seed; the same seed and log give the same sample, whatever the thread count
 * @param allocation how the size is split over segments ({@link Allocation#NONE}: one uniform sample)
 * @param minPerSegment the smallest allocation of a segment (capped by its eligible turns)
 * @param priorSd for Neyman allocation, the guessed standard deviation of the outcome per segment
 *     (from a prior rate p as sqrt(p(1-p))); key {@code default} covers unnamed segments
 * @param dedup sample distinct prefixes: identical prefixes (same turns) are one candidate
 * @param threads parser threads for JSON-lines files; the sample does not depend on it
 * @param mark where it is declared
 * @param sequential sequential sampling with {@code size} as the cap, when configured
 * @param key how a user turn's sampling key is computed (without {@code dedup})
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SampleSpec(
    int size, long seed, Allocation allocation, int minPerSegment, Map<String, Double> priorSd, boolean dedup,
    int threads, Mark mark, Optional<SequentialSpec> sequential, Key key) {

  public SampleSpec {
    priorSd = Map.copyOf(priorSd);
  }

  /** A sample keyed by position (the default). */
  public SampleSpec(int size, long seed, Allocation allocation, int minPerSegment, Map<String, Double> priorSd,
      boolean dedup, int threads, Mark mark, Optional<SequentialSpec> sequential) {
    this(size, seed, allocation, minPerSegment, priorSd, dedup, threads, mark, sequential, Key.POSITION);
  }

  /** A sample answered in full (not sequential). */
  public SampleSpec(int size, long seed, Allocation allocation, int minPerSegment, Map<String, Double> priorSd,
      boolean dedup, int threads, Mark mark) {
    this(size, seed, allocation, minPerSegment, priorSd, dedup, threads, mark, Optional.empty());
  }

  /** A uniform sample without de-duplication. */
  public SampleSpec(int size, long seed, Mark mark) {
    this(size, seed, Allocation.NONE, 0, Map.of(), false, 1, mark);
  }

  /** Whether the sample is stratified by segment. */
  public boolean stratified() {
    return allocation != Allocation.NONE;
  }

  /** The same sample keyed another way. */
  public SampleSpec withKey(Key other) {
    return new SampleSpec(size, seed, allocation, minPerSegment, priorSd, dedup, threads, mark, sequential, other);
  }

  /**
   * How a user turn's bottom-k key is computed when prefixes are not de-duplicated. Both are uniform;
   * they differ in what they hash, so they draw different (equally valid) samples.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public enum Key {
    /** SplitMix64 of the seed, the record's position in the file and the user-turn ordinal (the default). */
    POSITION,
    /**
     * MD5 of the text {@code <seed>/<conversation id>/<user-turn ordinal>}, its first 15 hex digits read
     * as a number: what a SQL engine computes, so the streaming sampler and the {@code sql} source draw
     * the same sample from the same conversations, whatever the file layout or row order.
     */
    MD5;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How a stratified sample's size is split over segments. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public enum Allocation {
    /** Not stratified: uniform over all eligible user turns. */
    NONE,
    /** n_h proportional to the segment's eligible turns N_h. */
    PROPORTIONAL,
    /** The same n_h for every segment. */
    EQUAL,
    /** n_h proportional to N_h S_h (Neyman 1934), which minimises the variance of the overall rate. */
    NEYMAN;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
