package dev.rehearsal.prefix;

/**
 * The exact number of distinct eligible prefixes of a log, by their 64-bit content hashes, kept in
 * two open-addressing sets of primitive longs (about 16 to 32 bytes per distinct prefix): one for
 * first user turns, one for later ones. A later turn's prefix carries logged history, so its
 * repeating one from another record means records share conversation prefixes (a tree-shaped log:
 * one record per root-to-leaf path, or per assistant turn). Counts are exact up to 64-bit hash
 * collisions (about 3 in a million runs of ten million distinct prefixes, by the birthday bound).
 * Why not a HyperLogLog sketch: the report promises exact duplicate counts (issue 15 item 5).
 */
final class DistinctPrefixes {

  private final LongSet first = new LongSet();
  private final LongSet later = new LongSet();
  private long eligibleFirst;
  private long eligibleLater;

  /** Counts one eligible prefix. */
  void add(long contentHash, int userOrdinal) {
    if (userOrdinal == 0) {
      eligibleFirst++;
      first.add(contentHash);
    } else {
      eligibleLater++;
      later.add(contentHash);
    }
  }

  /** Adds another pass's prefixes (a parallel reader's share): counts stay exact. */
  void merge(DistinctPrefixes other) {
    eligibleFirst += other.eligibleFirst;
    eligibleLater += other.eligibleLater;
    other.first.forEach(first::add);
    other.later.forEach(later::add);
  }

  long distinct() {
    return first.size() + later.size();
  }

  /** Eligible user turns whose prefix equals an earlier one. */
  long duplicates() {
    return eligibleFirst + eligibleLater - distinct();
  }

  /** Of those, turns after the first: their repeated prefix includes logged history. */
  long sharedHistory() {
    return eligibleLater - later.size();
  }

  /** An open-addressing hash set of longs (linear probing, power-of-two table, no boxing). */
  static final class LongSet {
    private static final long EMPTY = 0;
    private long[] table = new long[1 << 10];
    private int size;
    private boolean hasEmpty;

    boolean add(long value) {
      if (value == EMPTY) {
        boolean fresh = !hasEmpty;
        hasEmpty = true;
        return fresh;
      }
      int mask = table.length - 1;
      for (int i = spread(value) & mask; ; i = (i + 1) & mask) {
        if (table[i] == value) {
          return false;
        }
        if (table[i] == EMPTY) {
          table[i] = value;
          if (++size * 2 > table.length) {
            grow();
          }
          return true;
        }
      }
    }

    long size() {
      return size + (hasEmpty ? 1 : 0);
    }

    void forEach(java.util.function.LongConsumer action) {
      if (hasEmpty) {
        action.accept(EMPTY);
      }
      for (long v : table) {
        if (v != EMPTY) {
          action.accept(v);
        }
      }
    }

    private void grow() {
      long[] old = table;
      table = new long[old.length * 2];
      size = 0;
      for (long v : old) {
        if (v != EMPTY) {
          add(v);
        }
      }
    }

    private static int spread(long v) {
      long h = v * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32));
    }
  }
}
