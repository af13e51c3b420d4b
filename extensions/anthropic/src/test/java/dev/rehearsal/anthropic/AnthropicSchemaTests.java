package dev.rehearsal.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The gate schema (in rehearsal-core) lists exactly the keys a 'anthropic' model entry accepts. */
class AnthropicSchemaTests {

  @Test
  void schemaBranchListsTheProvidersKeys() throws Exception {
    JsonNode schema;
    try (InputStream in = AnthropicSchemaTests.class.getResourceAsStream("/dev/rehearsal/schema/gate.schema.json")) {
      schema = new ObjectMapper().readTree(in);
    }
    Set<String> keys = new TreeSet<>();
    for (JsonNode branch : schema.at("/properties/models/additionalProperties/allOf")) {
      if (branch.at("/if/properties/client/const").asText().equals("anthropic")) {
        branch.at("/then/propertyNames/enum").forEach(k -> keys.add(k.asText()));
      }
    }
    Set<String> expected = new TreeSet<>(new AnthropicClientProvider().settingKeys());
    expected.add("client");
    expected.add("api-key-env");
    // Every client accepts the loader's common keys; mode: batch is refused at load where unsupported.
    expected.addAll(Set.of("mode", "batch"));
    assertThat(keys).isEqualTo(expected);
  }
}
