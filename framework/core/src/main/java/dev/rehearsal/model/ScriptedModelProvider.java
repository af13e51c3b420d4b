package dev.rehearsal.model;

import dev.rehearsal.conversation.Role;
import dev.rehearsal.conversation.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The in-process {@code scripted} model: answers the last user turn with the reply of the first
 * {@code replies} rule whose {@code match} regex finds a match, else with {@code default}. For tests
 * and demos; it makes no network call.
 */
public final class ScriptedModelProvider implements ModelClientProvider {

  @Override
  public String id() {
    return "scripted";
  }

  @Override
  public boolean cacheable() {
    // The script is not part of the cache key; replaying cached replies after editing it would lie.
    return false;
  }

  @Override
  public Set<String> settingKeys() {
    return Set.of("replies", "default");
  }

  @Override
  public ModelClient create(ModelConfig config) {
    List<Rule> rules = new ArrayList<>();
    Object replies = config.settings().getOrDefault("replies", List.of());
    if (!(replies instanceof List<?> list)) {
      throw new IllegalArgumentException("'replies' must be a list of {match, reply} entries");
    }
    for (Object entry : list) {
      rules.add(rule(entry));
    }
    String fallback = String.valueOf(config.settings().getOrDefault("default", ""));
    return new Scripted("scripted:" + config.name(), List.copyOf(rules), fallback);
  }

  private static Rule rule(Object entry) {
    if (!(entry instanceof Map<?, ?> map) || !(map.get("match") instanceof String match)
        || !(map.get("reply") instanceof String reply)) {
      throw new IllegalArgumentException(
          "Each 'replies' entry needs a string 'match' (regex) and a string 'reply'");
    }
    try {
      return new Rule(Pattern.compile(match, Pattern.CASE_INSENSITIVE), reply);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("'match' is not a valid regex: " + e.getDescription(), e);
    }
  }

  private record Rule(Pattern match, String reply) {}

  private record Scripted(String modelId, List<Rule> rules, String fallback) implements ModelClient {
    @Override
    public CompletableFuture<ModelReply> complete(ModelRequest request) {
      String last = "";
      for (Turn turn : request.messages()) {
        if (turn.role() == Role.USER) {
          last = turn.text();
        }
      }
      for (Rule rule : rules) {
        if (rule.match().matcher(last).find()) {
          return CompletableFuture.completedFuture(ModelReply.text(rule.reply()));
        }
      }
      return CompletableFuture.completedFuture(ModelReply.text(fallback));
    }
  }

  @Override
  public boolean leavesProcess() {
    return false; // answers in process: no prompt leaves the machine
  }
}
