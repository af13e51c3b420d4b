package dev.rehearsal.run;

import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.batch.BatchClient;
import dev.rehearsal.model.batch.BatchOutcome;
import dev.rehearsal.model.batch.BatchStatus;
import dev.rehearsal.run.store.BatchTable;
import dev.rehearsal.run.store.ResponseCache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects one ended batch: replies into the response cache first, then every request's outcome into
 * the batch table, so a process killed in between collects again and finds the replies stored.
 */
final class BatchCollection {

  private BatchCollection() {}

  static void collect(BatchClient client, BatchTable table, ResponseCache cache, String submission, String batchId,
      BatchStatus status, java.util.function.Predicate<String> wanted, BatchArm.Collected run) {
    Map<String, BatchOutcome> byId = new HashMap<>();
    for (BatchOutcome o : client.results(batchId)) {
      byId.put(o.customId(), o);
    }
    Map<String, ModelReply> replies = new HashMap<>();
    List<Object[]> outcomes = new ArrayList<>();
    for (String id : table.customIds(submission)) {
      BatchOutcome o = byId.get(id);
      String error = o == null ? "batch " + status.providerStatus() + " without a result for this request"
          : o.error().map(e -> "batch " + e).orElse(null);
      if (error == null) {
        replies.put(id, o.reply().orElseThrow());
        outcomes.add(new Object[] {id, "succeeded", null});
        continue;
      }
      String reason = error + " (batch " + batchId + ")";
      outcomes.add(new Object[] {id, kind(error), reason});
      if (wanted.test(id)) {
        run.failures().put(id, reason);
      }
    }
    cache.putAll(client.modelId(), replies);
    run.replies().addAll(replies.keySet());
    table.ended(submission, status.providerStatus(), outcomes);
  }

  /** The outcome word stored per request: expired, canceled, missing or errored. */
  private static String kind(String error) {
    for (String k : List.of("expired", "canceled", "cancelled")) {
      if (error.startsWith("batch " + k)) {
        return k.equals("cancelled") ? "canceled" : k;
      }
    }
    return error.contains("without a result") ? "missing" : "errored";
  }
}
