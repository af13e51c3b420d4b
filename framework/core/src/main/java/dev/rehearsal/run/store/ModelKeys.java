package dev.rehearsal.run.store;

import dev.rehearsal.conversation.Role;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelRequest;
import dev.rehearsal.model.runtime.CanonicalDigest;
import dev.rehearsal.model.runtime.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The {@link CacheKey}s of one model entry's requests. What all of them share is encoded once: the
 * model id, the settings, the version and, per request parameter map (one per arm), the parameters
 * and whether the sample key belongs in the key. Writing those field by field into every key was a
 * third of a warm rerun's key time (issue 13 item 4). Safe to share between threads.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ModelKeys {

  private static final byte[] NO_TOOLS = utf8("\"tools\":{}");
  /** {@code {"multimodal":M,"role":R,"text":} by role and multimodal, as CacheKey.message writes them. */
  private static final byte[][] OPENINGS = openings();
  /** What CacheKey.message writes after the text of a turn without tool calls: a comma, then this. */
  private static final byte[] NO_CALLS = utf8("\"toolCalls\":[]}");
  private static final byte[] VERSION = utf8("\"version\":" + CacheKey.VERSION);

  private final String modelId;
  /** {@code "settings":{...}}, names sorted as canonical JSON sorts them. */
  private final byte[] settings;
  /** The last parameter map seen (requests of one arm share theirs) and its encoded part. */
  private volatile Parameters last;

  /** {@code "model":...,"parameters":{...}} of one parameter map, and whether its sampling is random. */
  private record Parameters(Map<String, Object> map, byte[] part, boolean random) {}

  /** Keys of requests to {@code modelId} configured with {@code settings} (see {@link CacheKey}). */
  public ModelKeys(String modelId, Map<String, ?> settings) {
    this.modelId = modelId;
    this.settings = utf8("\"settings\":" + CanonicalJson.of(new TreeMap<>(settings)));
    this.last = parameters(Map.of());
  }

  /** The key of {@code request}. */
  public String of(ModelRequest request) {
    CanonicalDigest d = CanonicalDigest.start().beginObject().name("messages").beginArray();
    for (Turn turn : request.messages()) {
      if (turn.toolCalls().isEmpty() && turn.toolCallId().isEmpty()) {
        // Most turns: one opening, the text, one closing (each name written alone was a sixth of a key's time).
        d.opening(OPENINGS[2 * turn.role().ordinal() + (turn.multimodal() ? 1 : 0)]).value(turn.text()).raw(NO_CALLS);
      } else {
        CacheKey.message(d, turn);
      }
    }
    d.endArray();
    Parameters p = last;
    if (p.map() != request.parameters()) {
      p = parameters(request.parameters());
      last = p;
    }
    d.raw(p.part());
    if (p.random()) {
      d.name("sampleKey").value(request.sampleKey());
    }
    d.raw(settings);
    if (request.tools().isEmpty()) {
      d.raw(NO_TOOLS);
    } else {
      d.name("tools").value(CacheKey.tools(request));
    }
    return d.raw(VERSION).endObject().finish();
  }

  private Parameters parameters(Map<String, Object> map) {
    return new Parameters(map, utf8("\"model\":" + CanonicalJson.of(modelId) + ",\"parameters\":"
        + CanonicalJson.of(map)), CacheKey.random(map.get("temperature")));
  }

  private static byte[][] openings() {
    byte[][] out = new byte[2 * Role.values().length][];
    for (Role role : Role.values()) {
      for (boolean multimodal : new boolean[] {false, true}) {
        out[2 * role.ordinal() + (multimodal ? 1 : 0)] = utf8("{\"multimodal\":" + multimodal + ",\"role\":"
            + CanonicalJson.of(role.wireName()) + ",\"text\":");
      }
    }
    return out;
  }

  private static byte[] utf8(String canonical) {
    return canonical.getBytes(StandardCharsets.UTF_8);
  }
}
