package dev.rehearsal.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.grade.Evidence;
import dev.rehearsal.grade.Grader;
import dev.rehearsal.grade.Verdict;
import dev.rehearsal.run.store.GradeCache;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * A grader whose verdicts are cached by (fingerprint, prefix, response): a rerun of an unchanged
 * gate makes no judge calls. The prefix is part of the key because a judge reads it. Failed
 * gradings are not cached, so a rerun retries them. A fresh grader ({@code -Drehearsal.fresh}) never
 * reads the cache but still writes it, so the next ordinary run reuses the fresh verdicts.
 */
final class CachingGrader implements Grader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Grader delegate;
  private final String fingerprint;
  private final GradeCache cache;
  private final boolean fresh;

  CachingGrader(Grader delegate, String fingerprint, GradeCache cache, boolean fresh) {
    this.delegate = delegate;
    this.fingerprint = fingerprint;
    this.cache = cache;
    this.fresh = fresh;
  }

  @Override
  public Set<String> labels() {
    return delegate.labels();
  }

  @Override
  public String defaultLabel() {
    return delegate.defaultLabel();
  }

  @Override
  public Map<String, Object> procedure() {
    return delegate.procedure();
  }

  @Override
  public Verdict grade(List<Turn> prefix, String response) {
    return gradeAsync(prefix, response).join();
  }

  // An API refusal is graded uncached: its key would equal that of an ordinary reply with the same text.
  @Override
  public CompletableFuture<Verdict> gradeRefusedByApi(List<Turn> prefix, String text) {
    return delegate.gradeRefusedByApi(prefix, text);
  }

  @Override
  public CompletableFuture<Verdict> gradeAsync(List<Turn> prefix, String response) {
    String responseKey = Items.sha256(response);
    String key = Items.sha256(fingerprint + "\n" + prefixKey(prefix) + "\n" + responseKey);
    Optional<Verdict> hit = fresh ? Optional.empty() : cache.get(key).flatMap(CachingGrader::decode);
    if (hit.isPresent()) {
      return CompletableFuture.completedFuture(hit.get());
    }
    return delegate.gradeAsync(prefix, response).thenApply(v -> {
      cache.put(key, fingerprint, responseKey, encode(v));
      return v;
    });
  }

  private static String prefixKey(List<Turn> prefix) {
    StringBuilder b = new StringBuilder();
    // Length-prefixed, so no two different prefixes give the same text.
    prefix.forEach(t -> b.append(t.toString().length()).append(':').append(t).append('\n'));
    return Items.sha256(b.toString());
  }

  static String encode(Verdict v) {
    ObjectNode n = JSON.createObjectNode();
    ArrayNode labels = n.putArray("labels");
    new TreeSet<>(v.labels()).forEach(labels::add);
    ArrayNode evidence = n.putArray("evidence");
    v.evidence().forEach(e -> evidence.addObject().put("label", e.label()).put("span", e.span()).put("start", e.start())
        .put("end", e.end()));
    return n.toString();
  }

  static Optional<Verdict> decode(String payload) {
    try {
      JsonNode n = JSON.readTree(payload);
      Set<String> labels = new TreeSet<>();
      n.get("labels").forEach(l -> labels.add(l.asText()));
      List<Evidence> evidence = new ArrayList<>();
      n.get("evidence").forEach(e -> evidence.add(new Evidence(e.get("label").asText(), e.get("span").asText(),
          e.get("start").asInt(), e.get("end").asInt())));
      return Optional.of(new Verdict(labels, evidence));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
