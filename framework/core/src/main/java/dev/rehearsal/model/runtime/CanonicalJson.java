package dev.rehearsal.model.runtime;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Canonical JSON (object keys sorted, numbers without trailing zeros, no whitespace) and SHA-256,
 * so that equal content gives equal cache keys and equal tool arguments compare equal.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CanonicalJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CanonicalJson() {}

  /**
   * The canonical text of any value Jackson can map. Maps, lists, strings, booleans, null and JSON
   * trees are written straight to the generator (a cache key is computed for every model call, and
   * building a tree first and a sorted copy second took most of a warm rerun's time); anything else
   * goes through Jackson's tree, giving the same text.
   */
  public static String of(Object value) {
    java.io.StringWriter out = new java.io.StringWriter(256);
    try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
      write(g, value);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot write canonical JSON of a "
          + value.getClass().getSimpleName(), e);
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Number n && number(n) != null) {
      // The same text as through Jackson's tree and canonical(), without building the tree: every
      // cache key holds a version and sampling parameters.
      BigDecimal d = number(n).stripTrailingZeros();
      if (d.scale() <= 0) {
        g.writeNumber(d.toBigIntegerExact());
      } else {
        g.writeNumber(d);
      }
    } else if (value instanceof Map<?, ?> map && map.keySet().stream().allMatch(k -> k instanceof String)) {
      java.util.TreeMap<String, Object> sorted = new java.util.TreeMap<>();
      map.forEach((k, v) -> sorted.put((String) k, v));
      g.writeStartObject();
      for (Map.Entry<String, Object> e : sorted.entrySet()) {
        g.writeFieldName(e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof List<?> list) {
      g.writeStartArray();
      for (Object e : list) {
        write(g, e);
      }
      g.writeEndArray();
    } else if (value instanceof JsonNode node) {
      g.writeTree(canonical(node));
    } else {
      g.writeTree(canonical(JSON.valueToTree(value)));
    }
  }

  /** The decimal value Jackson's number node of {@code n} would give, or null for other kinds. */
  static @Nullable BigDecimal number(Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      return BigDecimal.valueOf(n.longValue());
    }
    if ((n instanceof Double || n instanceof Float) && Double.isFinite(n.doubleValue())) {
      return n instanceof Float f ? BigDecimal.valueOf(f.floatValue()) : BigDecimal.valueOf(n.doubleValue());
    }
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof java.math.BigInteger i) {
      return new BigDecimal(i);
    }
    return null;
  }

  /** The canonical text of a JSON text, or empty when it is not valid JSON. */
  public static Optional<String> ofText(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return node == null ? Optional.empty()
          : Optional.of(JSON.writeValueAsString(canonical(node)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
  public static String sha256(String text) {
    return HexFormat.of().formatHex(SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Lower-case hex SHA-256 of the canonical text of {@code value}: {@code sha256(of(value))},
   * without building the text (a cache key per model call, see {@link CanonicalDigest}).
   *
   * @since 0.1
   */
  public static String sha256Of(Object value) {
    return CanonicalDigest.sha256(value);
  }

  /** One digest per thread, reused: a cache key per model call, 10^5 per run, each needed a provider lookup. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  });

  private static JsonNode canonical(JsonNode node) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      ObjectNode sorted = f.objectNode();
      names.forEach(n -> sorted.set(n, canonical(node.get(n))));
      return sorted;
    }
    if (node.isArray()) {
      var array = f.arrayNode();
      node.forEach(e -> array.add(canonical(e)));
      return array;
    }
    if (node.isNumber()) {
      BigDecimal d = node.decimalValue().stripTrailingZeros();
      return d.scale() <= 0 ? f.numberNode(d.toBigIntegerExact()) : f.numberNode(d);
    }
    return node;
  }
}
