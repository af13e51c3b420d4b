package dev.rehearsal.sql;

import dev.rehearsal.conversation.Conversation;
import dev.rehearsal.conversation.Role;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.prefix.LoggedConversation;
import dev.rehearsal.prefix.Prefix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Builds prefixes from the draw's rows: {@code p} rows name sampled user turns, {@code t} rows carry the
 * turns of their conversations. Prefixes come in conversation-id order (the table has no line order).
 */
final class SampleRows {

  private record Chosen(String cid, int ordinal, String segment, Map<String, String> metadata) {}

  private final List<Chosen> chosen = new ArrayList<>();
  private final Map<String, TreeMap<Long, Turn>> turns = new TreeMap<>();

  static SampleRows read(List<List<@Nullable Object>> rows, List<String> metadata) {
    SampleRows out = new SampleRows();
    for (List<@Nullable Object> row : rows) {
      String cid = String.valueOf(row.get(1));
      long n = ((Number) row.get(2)).longValue();
      String a = String.valueOf(row.get(3));
      if ("p".equals(row.get(0))) {
        Map<String, String> meta = new LinkedHashMap<>();
        for (int i = 0; i < metadata.size(); i++) {
          Object v = row.get(5 + i);
          if (v != null) {
            meta.put(metadata.get(i), v.toString());
          }
        }
        out.chosen.add(new Chosen(cid, Math.toIntExact(n), a, meta));
      } else {
        Object text = row.get(4);
        out.turns.computeIfAbsent(cid, k -> new TreeMap<>()).put(n, turn(a, text == null ? "" : text.toString()));
      }
    }
    return out;
  }

  private static Turn turn(String role, String text) {
    return new Turn(Role.valueOf(role.toUpperCase(Locale.ROOT)), text, List.of(), Optional.empty(), false);
  }

  /** Whether every segment got its n_h user turns, or all it has (the draw returns fewer only when pruned too hard). */
  boolean fills(Map<String, Integer> allocation) {
    Map<String, Integer> got = new LinkedHashMap<>();
    chosen.forEach(c -> got.merge(allocation.containsKey("") ? "" : c.segment(), 1, Integer::sum));
    return allocation.entrySet().stream().allMatch(e -> got.getOrDefault(e.getKey(), 0) >= e.getValue());
  }

  List<Prefix> prefixes() {
    chosen.sort(Comparator.comparing(Chosen::cid).thenComparingInt(Chosen::ordinal));
    Map<String, LoggedConversation> logged = new LinkedHashMap<>();
    List<Prefix> out = new ArrayList<>(chosen.size());
    for (Chosen c : chosen) {
      LoggedConversation record = logged.computeIfAbsent(c.cid(), id -> {
        Conversation conversation = new Conversation(id, List.copyOf(turns.get(id).values()), c.metadata());
        return new LoggedConversation(conversation, Map.of("logged", conversation), logged.size() + 1L);
      });
      Conversation conversation = record.conversation();
      List<Turn> cut = conversation.turns().subList(0, conversation.indexOfUserTurn(c.ordinal()) + 1);
      out.add(new Prefix(c.cid() + "#u" + c.ordinal(), record, c.ordinal(), cut, c.segment()));
    }
    return out;
  }
}
