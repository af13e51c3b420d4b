package dev.rehearsal.grade;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the first of many words or phrases in a text in one pass (Aho and Corasick 1975,
 * "Efficient string matching", CACM 18(6)): the words are compiled once into an automaton, and a
 * scan costs time linear in the text whatever the number of words. One regex per word made a
 * 60,000-word list run for minutes (issue 12, item 8).
 *
 * <p>Matching is case-insensitive per character, and a match counts only at word boundaries as
 * {@code \b} defines them (a boundary sits between a word character, letter, digit or '_', and
 * anything else), as the former {@code \bword\b} patterns did.
 */
final class KeywordMatcher {

  /** A match of {@code word} at {@code [start, end)}. */
  record Match(String word, int start, int end) {}

  private final Map<Long, Integer> edges = new HashMap<>();
  private int[] fail = new int[16];
  private int[] output = new int[16]; // index + 1 of the word ending here, 0 for none
  private int[] dictionary = new int[16]; // nearest node on the fail chain with an output
  private int nodes = 1;
  private final List<String> words;
  /** The root's transitions on ASCII characters (-1: none): most steps of a scan start at the root. */
  private final int[] rootAscii = new int[128];

  KeywordMatcher(List<String> words) {
    this.words = List.copyOf(words);
    for (int w = 0; w < this.words.size(); w++) {
      add(this.words.get(w), w);
    }
    link();
    for (char c = 0; c < 128; c++) {
      Integer next = edges.get(key(0, fold(c)));
      rootAscii[c] = next == null ? -1 : next;
    }
  }

  private void add(String word, int index) {
    int node = 0;
    for (int i = 0; i < word.length(); i++) {
      long key = key(node, fold(word.charAt(i)));
      Integer next = edges.get(key);
      if (next == null) {
        next = grow();
        edges.put(key, next);
      }
      node = next;
    }
    if (output[node] == 0 && !word.isEmpty()) {
      output[node] = index + 1;
    }
  }

  private int grow() {
    if (nodes == fail.length) {
      fail = Arrays.copyOf(fail, nodes * 2);
      output = Arrays.copyOf(output, nodes * 2);
      dictionary = Arrays.copyOf(dictionary, nodes * 2);
    }
    return nodes++;
  }

  // Breadth-first: a node's fail link is the longest proper suffix of its path that is in the trie.
  private void link() {
    Map<Integer, Map<Character, Integer>> children = new HashMap<>();
    edges.forEach((key, child) -> children.computeIfAbsent((int) (key >>> 16), k -> new HashMap<>())
        .put((char) (key & 0xFFFF), child));
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    children.getOrDefault(0, Map.of()).values().forEach(queue::add);
    while (!queue.isEmpty()) {
      int node = queue.poll();
      for (Map.Entry<Character, Integer> e : children.getOrDefault(node, Map.of()).entrySet()) {
        int child = e.getValue();
        int f = fail[node];
        while (f != 0 && !edges.containsKey(key(f, e.getKey()))) {
          f = fail[f];
        }
        Integer target = edges.get(key(f, e.getKey()));
        fail[child] = target != null && target != child ? target : 0;
        dictionary[child] = output[fail[child]] != 0 ? fail[child] : dictionary[fail[child]];
        queue.add(child);
      }
    }
  }

  /** The match that ends first in {@code text}, if any. */
  Optional<Match> first(CharSequence text) {
    return first(text, new long[1]);
  }

  /** As {@link #first(CharSequence)}, adding the automaton steps taken to {@code work[0]}. */
  Optional<Match> first(CharSequence text, long[] work) {
    int node = 0;
    for (int i = 0; i < text.length(); i++) {
      char raw = text.charAt(i);
      if (node == 0 && raw < 128) {
        int root = rootAscii[raw];
        node = root < 0 ? 0 : root;
        work[0]++;
        if (root > 0) {
          Optional<Match> m = hit(text, node, i, work);
          if (m.isPresent()) {
            return m;
          }
        }
        continue;
      }
      char c = fold(raw);
      Integer next = edges.get(key(node, c));
      while (next == null && node != 0) {
        node = fail[node];
        next = edges.get(key(node, c));
        work[0]++;
      }
      node = next == null ? 0 : next;
      work[0]++;
      Optional<Match> m = hit(text, node, i, work);
      if (m.isPresent()) {
        return m;
      }
    }
    return Optional.empty();
  }

  /** The first word ending at {@code i} in {@code node}'s outputs that sits on word boundaries. */
  private Optional<Match> hit(CharSequence text, int node, int i, long[] work) {
    for (int hit = output[node] != 0 ? node : dictionary[node]; hit != 0; hit = dictionary[hit]) {
      work[0]++;
      String word = words.get(output[hit] - 1);
      int start = i + 1 - word.length();
      if (boundary(text, start) && boundary(text, i + 1)) {
        return Optional.of(new Match(word, start, i + 1));
      }
    }
    return Optional.empty();
  }

  private static boolean boundary(CharSequence text, int at) {
    boolean before = at > 0 && wordChar(text.charAt(at - 1));
    boolean after = at < text.length() && wordChar(text.charAt(at));
    return before != after;
  }

  private static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  // Case-insensitive as Pattern.CASE_INSENSITIVE | UNICODE_CASE compares single characters.
  static char fold(char c) {
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  private static long key(int node, char c) {
    return ((long) node << 16) | c;
  }
}
