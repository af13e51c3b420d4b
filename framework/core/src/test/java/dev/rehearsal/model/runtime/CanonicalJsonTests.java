package dev.rehearsal.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Canonical JSON is what cache keys hash: the fast writer must give exactly the tree-based text. */
class CanonicalJsonTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void sorts_keys_strips_trailing_zeros_and_drops_whitespace() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("b", List.of(1, 2.50, "x"));
    value.put("a", Map.of("z", true, "y", 1.0));
    value.put("c", null);

    assertThat(CanonicalJson.of(value)).isEqualTo("{\"a\":{\"y\":1,\"z\":true},\"b\":[1,2.5,\"x\"],\"c\":null}");
  }

  @Test
  void gives_the_same_text_as_the_tree_based_writer_on_random_nested_values() throws Exception {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 2_000; i++) {
      Object value = randomValue(random, 0);
      assertThat(CanonicalJson.of(value)).as("value %s", value).isEqualTo(treeBased(value));
    }
  }

  @Test
  void writes_every_kind_of_number_as_the_tree_based_writer_does() throws Exception {
    List<Object> numbers = List.of(0, -7, 2, Long.MAX_VALUE, (short) 3, (byte) -4, 1.0, 0.7, -0.0, 1e-7, 1.5e21,
        Double.MIN_VALUE, 0.7f, 1.0f, 3.4e38f, new BigDecimal("1.50"), new BigDecimal("1E+3"), new BigDecimal("-0.000"),
        new java.math.BigInteger("123456789012345678901234567890"));
    for (Object n : numbers) {
      Map<String, Object> value = Map.of("n", n, "list", List.of(n));
      assertThat(CanonicalJson.of(value)).as("%s (%s)", n, n.getClass().getSimpleName()).isEqualTo(treeBased(value));
    }
  }

  @Test
  void writes_json_trees_inside_maps_canonically() throws Exception {
    JsonNode schema = JSON.readTree("{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}},\"a\":1.10}");
    Map<String, Object> value = Map.of("tools", Map.of("search", schema), "n", new BigDecimal("3.000"));

    assertThat(CanonicalJson.of(value)).isEqualTo(treeBased(value))
        .isEqualTo("{\"n\":3,\"tools\":{\"search\":{\"a\":1.1,\"properties\":{\"q\":{\"type\":\"string\"}},\"type\":\"object\"}}}");
  }

  /** The previous implementation: map to a tree, copy it sorted, write it. */
  private static String treeBased(Object value) throws Exception {
    return JSON.writeValueAsString(canonical(JSON.valueToTree(value)));
  }

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

  private static Object randomValue(SplittableRandom r, int depth) {
    int kind = r.nextInt(depth > 3 ? 6 : 8);
    switch (kind) {
      case 0: return null;
      case 1: return r.nextBoolean();
      case 2: return r.nextInt(-1000, 1000);
      case 3: return r.nextDouble() * Math.pow(10, r.nextInt(-8, 8));
      case 4: return Arrays.asList("", "a\"b", "é\n\t\u0001", "日本", "\\").get(r.nextInt(5)) + r.nextInt(10);
      case 5: return (long) r.nextInt() * 1_000_003L;
      case 6: {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          m.put("k" + r.nextInt(20), randomValue(r, depth + 1));
        }
        return m;
      }
      default: {
        List<Object> l = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          l.add(randomValue(r, depth + 1));
        }
        return l;
      }
    }
  }
}
