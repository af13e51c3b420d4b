package dev.rehearsal.forecast;

import dev.rehearsal.conversation.Role;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelClientProvider;
import dev.rehearsal.model.ModelConfig;
import dev.rehearsal.model.ModelReply;
import dev.rehearsal.model.ModelRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The in-process {@code synthetic} model of a synthetic deployment series: its reply carries each
 * category's {@code markers} phrase with the probability {@code rates} gives for the prompt's
 * segment. The segment is the {@code [tag]} that starts the last user turn ({@code untagged} if none;
 * a {@code default} rate applies to segments not listed). Each draw is keyed by a hash of the seed,
 * the sample key and the category, so reruns reproduce it. For demos and tests; no network.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SyntheticModelProvider implements ModelClientProvider {

  /** The segment of a prompt without a leading {@code [tag]}. */
  public static final String UNTAGGED = "untagged";
  private static final Pattern TAG = Pattern.compile("^\\[([\\w-]+)]");

  @Override
  public String id() {
    return "synthetic";
  }

  @Override
  public boolean cacheable() {
    // Rates and markers are not part of the cache key; replaying cached replies after editing them would lie.
    return false;
  }

  @Override
  public Set<String> settingKeys() {
    return Set.of("seed", "markers", "rates");
  }

  @Override
  public ModelClient create(ModelConfig config) {
    Map<String, String> markers = new LinkedHashMap<>();
    map(config.settings(), "markers").forEach((c, m) -> markers.put(c, String.valueOf(m)));
    Map<String, Map<String, Double>> rates = new LinkedHashMap<>();
    map(config.settings(), "rates").forEach((c, bySegment) -> rates.put(c, segmentRates(c, bySegment)));
    for (String c : rates.keySet()) {
      if (!markers.containsKey(c)) {
        throw new IllegalArgumentException("'rates' names category '" + c + "' that has no entry under 'markers'");
      }
    }
    long seed = Long.parseLong(String.valueOf(config.settings().getOrDefault("seed", "0")));
    return new Synthetic("synthetic:" + config.name(), seed, markers, rates);
  }

  private static Map<String, Object> map(Map<String, Object> settings, String key) {
    Object v = settings.getOrDefault(key, Map.of());
    if (!(v instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("'" + key + "' must be a mapping of category to value");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, x) -> out.put(String.valueOf(k), x));
    return out;
  }

  private static Map<String, Double> segmentRates(String category, Object bySegment) {
    if (!(bySegment instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("'rates." + category + "' must map segments to probabilities");
    }
    Map<String, Double> out = new LinkedHashMap<>();
    m.forEach((segment, p) -> {
      double rate = Double.parseDouble(String.valueOf(p));
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException("'rates." + category + "." + segment + "' is not a probability: " + p);
      }
      out.put(String.valueOf(segment), rate);
    });
    return out;
  }

  /** A uniform draw in [0, 1) from a hash of the seed, the sample key and the category (FNV-1a, then SplitMix64). */
  static double draw(long seed, String sampleKey, String category) {
    long h = 0xcbf29ce484222325L ^ seed;
    for (byte b : (sampleKey + '\u0000' + category).getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    h ^= h >>> 31;
    return (h >>> 11) * 0x1.0p-53;
  }

  private record Synthetic(String modelId, long seed, Map<String, String> markers,
      Map<String, Map<String, Double>> rates) implements ModelClient {

    @Override
    public CompletableFuture<ModelReply> complete(ModelRequest request) {
      String segment = segment(request);
      StringBuilder reply = new StringBuilder("Here is my answer.");
      rates.forEach((category, bySegment) -> {
        double p = bySegment.getOrDefault(segment, bySegment.getOrDefault("default", 0.0));
        if (draw(seed, request.sampleKey(), category) < p) {
          reply.append(' ').append(markers.get(category));
        }
      });
      return CompletableFuture.completedFuture(ModelReply.text(reply.toString()));
    }

    private static String segment(ModelRequest request) {
      String last = "";
      for (Turn t : request.messages()) {
        if (t.role() == Role.USER) {
          last = t.text();
        }
      }
      Matcher m = TAG.matcher(last);
      return m.find() ? m.group(1) : UNTAGGED;
    }
  }

  @Override
  public boolean leavesProcess() {
    return false; // answers in process: no prompt leaves the machine
  }
}
