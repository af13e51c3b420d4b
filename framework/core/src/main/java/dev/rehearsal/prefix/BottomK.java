package dev.rehearsal.prefix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Map;

/**
 * Keeps the {@code capacity} candidates with the smallest keys seen so far (a bottom-k sample).
 *
 * <p>Why not Vitter's Algorithm R (1985) or Li's Algorithm L (1994)? Both draw random numbers in
 * arrival order, so the sample depends on the order records are read in, which a parallel or
 * warehouse-side reader cannot keep. Here each candidate's key is a seeded hash of where it is (or,
 * when de-duplicating, of what it says): the k smallest keys are a uniform sample without replacement
 * whatever the read order or thread count, exactly what {@code ORDER BY hash(seed, id) LIMIT k}
 * gives in SQL. Like Algorithm L it touches the heap rarely: the i-th candidate enters with
 * probability k/i, so a pass costs O(N + k log k log(N/k)). Identical prefixes get identical content
 * keys, so they collide here and are counted once (a bottom-k distinct sample, Cohen and Kaplan 2007).
 */
final class BottomK {

  /** A retained candidate: its key, the record, which user turn, and its segment. */
  record Entry(long key, LoggedConversation record, int ordinal, String segment) {}

  /** What happened to an offered candidate. */
  enum Outcome { KEPT, DROPPED, DUPLICATE }

  private final int capacity;
  private final PriorityQueue<Entry> heap;
  private final Map<Long, Entry> keys;
  private final boolean dedup;

  BottomK(int capacity, boolean dedup) {
    this.capacity = capacity;
    this.dedup = dedup;
    // Largest key on top. A plain lambda: the composed comparingLong(..).reversed() showed up at 2-3%
    // of a whole gate's profile, since nearly every candidate passes through the heap.
    this.heap = new PriorityQueue<>(Math.min(capacity, 1 << 12) + 1, (a, b) -> Long.compare(b.key(), a.key()));
    this.keys = new HashMap<>();
  }

  /** Whether a candidate with this key would enter the sample (checked before building it). */
  boolean admits(long key) {
    return heap.size() < capacity || key <= heap.peek().key();
  }

  Outcome offer(Entry entry) {
    Entry same = dedup ? keys.get(entry.key()) : null;
    if (same != null) {
      // Identical prefixes: keep the earliest occurrence, so the representative does not depend on
      // the order in which parallel readers report them.
      if (before(entry, same)) {
        heap.remove(same);
        heap.add(entry);
        keys.put(entry.key(), entry);
      }
      return Outcome.DUPLICATE;
    }
    if (!admits(entry.key())) {
      return Outcome.DROPPED;
    }
    heap.add(entry);
    // Only de-duplication reads the key index; without it, boxing every key cost a few percent.
    if (dedup) {
      keys.put(entry.key(), entry);
    }
    if (heap.size() > capacity) {
      Entry dropped = heap.poll();
      if (dedup) {
        keys.remove(dropped.key());
      }
    }
    return Outcome.KEPT;
  }

  private static boolean before(Entry a, Entry b) {
    return a.record().line() < b.record().line()
        || (a.record().line() == b.record().line() && a.ordinal() < b.ordinal());
  }

  /** Whether the sample ever had to drop a candidate (when not, duplicate counts are exact). */
  boolean full() {
    return heap.size() >= capacity;
  }

  /** How many entries are retained. */
  int size() {
    return heap.size();
  }

  /** Every retained entry, in no particular order. */
  List<Entry> entries() {
    return new ArrayList<>(heap);
  }

  /** The {@code n} entries with the smallest keys: a uniform subsample of this sample. */
  List<Entry> smallest(int n) {
    List<Entry> all = new ArrayList<>(heap);
    all.sort((a, b) -> Long.compare(a.key(), b.key()));
    return all.subList(0, Math.min(n, all.size()));
  }

  /** Seeded key of a position (SplitMix64 finalizer, Steele et al. 2014); non-negative. */
  static long key(long seed, long position, int ordinal) {
    return mix(mix(seed + 0x9E3779B97F4A7C15L * position) + 0xC2B2AE3D27D4EB4FL * (ordinal + 1L)) >>> 1;
  }

  /** Seeded key of a content hash, so identical prefixes share a key. */
  static long contentKey(long seed, long hash) {
    return mix(mix(seed) ^ hash) >>> 1;
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
