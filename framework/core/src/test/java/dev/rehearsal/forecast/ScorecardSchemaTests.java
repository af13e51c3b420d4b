package dev.rehearsal.forecast;

import static dev.rehearsal.schema.Schemas.enumValues;
import static dev.rehearsal.schema.Schemas.properties;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearsal.schema.Schemas;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** scorecard.schema.json lists exactly the keys {@link ScorecardSpecLoader} accepts (files: GateSchemaTests). */
class ScorecardSchemaTests {

  private static final JsonNode SCHEMA = Schemas.tree(Schemas.SCORECARD);

  @Test
  void strictSectionsListExactlyTheLoadersKeys() {
    Map<String, Set<String>> expected = new LinkedHashMap<>();
    expected.put("", ScorecardSpecLoader.TOP);
    expected.put("/properties/forecast", ScorecardSpecLoader.FORECAST_KEYS);
    expected.put("/properties/validation", ScorecardSpecLoader.VALIDATION_KEYS);
    expected.put("/properties/validation/properties/sample", ScorecardSpecLoader.SAMPLE_KEYS);
    expected.put("/properties/validation/properties/logs", ScorecardSpecLoader.SOURCE_KEYS);
    expected.put("/properties/challenging", ScorecardSpecLoader.CHALLENGING_KEYS);
    expected.put("/properties/challenging/properties/prompts", ScorecardSpecLoader.SOURCE_KEYS);
    expected.put("/properties/scoring", ScorecardSpecLoader.SCORING_KEYS);
    expected.forEach((pointer, keys) -> {
      assertThat(properties(SCHEMA, pointer)).as(pointer).isEqualTo(new TreeSet<>(keys));
      assertThat(SCHEMA.at(pointer + "/additionalProperties").asBoolean(true)).as(pointer + " is closed").isFalse();
    });
    assertThat(enumValues(SCHEMA, "/properties/scoring/properties/method/enum")).isEqualTo(Arrays.stream(Method.values())
        .map(m -> m.name().toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new)));
  }
}
