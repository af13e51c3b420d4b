package dev.rehearsal.grade.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.grade.Evidence;
import dev.rehearsal.grade.Grader;
import dev.rehearsal.grade.GraderException;
import dev.rehearsal.grade.Verdict;
import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * {@code type: moderation}: an OpenAI-compatible moderation endpoint ({@code POST /v1/moderations},
 * reached through a {@code client: openai-moderation} model) classifies each response. A category
 * counts when its score reaches its threshold (or, without one, when the endpoint flags it), and
 * gives the label of the taxonomy entry it maps to; {@code flagged} follows {@code results[0].flagged}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ModerationGrader implements Grader {

  /** The keys of a {@code type: moderation} declaration. */
  public static final Set<String> KEYS = Set.of("type", "model", "map", "thresholds");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ModerationSettings settings;
  private final Supplier<ModelClient> client;

  public ModerationGrader(ModerationSettings settings, Supplier<ModelClient> client) {
    this.settings = settings;
    this.client = client;
  }

  @Override
  public Set<String> labels() {
    Set<String> out = new TreeSet<>(settings.map().labels());
    out.add("flagged");
    return out;
  }

  @Override
  public String defaultLabel() {
    return "flagged";
  }

  @Override
  public Verdict grade(List<Turn> prefix, String response) {
    return ClassifierCall.join(gradeAsync(prefix, response), settings.id());
  }

  @Override
  public CompletableFuture<Verdict> gradeAsync(List<Turn> prefix, String response) {
    ModelRequest request = new ModelRequest(List.of(Turn.user(response)), Map.of(), Map.of(), "moderation/" + settings.id());
    return ClassifierCall.send(client.get(), request, settings.id()).thenApply(r -> verdict(r.text(), response));
  }

  Verdict verdict(String body, String response) {
    JsonNode result = result(body);
    List<Evidence> evidence = new ArrayList<>();
    if (result.path("flagged").asBoolean()) {
      evidence.add(new Evidence("flagged", response, 0, response.length()));
    }
    Set<String> given = new TreeSet<>();
    for (Map.Entry<String, JsonNode> score : result.path("category_scores").properties()) {
      boolean hit = settings.threshold(score.getKey())
          .map(t -> score.getValue().asDouble() >= t)
          .orElseGet(() -> result.path("categories").path(score.getKey()).asBoolean());
      if (hit) {
        settings.map().label(score.getKey()).filter(given::add)
            .ifPresent(label -> evidence.add(new Evidence(label, response, 0, response.length())));
      }
    }
    return Verdict.of(evidence);
  }

  private JsonNode result(String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw malformed("the reply is not JSON");
    }
    JsonNode result = root == null ? null : root.path("results").path(0);
    if (result == null || !result.path("flagged").isBoolean() || !result.path("category_scores").isObject()
        || !result.path("categories").isObject()) {
      throw malformed("expected results[0] with flagged, categories and category_scores");
    }
    return result;
  }

  private GraderException malformed(String why) {
    return new GraderException("malformed classifier reply", "moderation grader '" + settings.id() + "': " + why + ".");
  }

  @Override
  public Map<String, Object> procedure() {
    Map<String, Object> out = new TreeMap<>();
    out.put("map", settings.map().ids());
    out.put("thresholds", settings.thresholds());
    out.put("model", settings.modelProcedure());
    return out;
  }
}
