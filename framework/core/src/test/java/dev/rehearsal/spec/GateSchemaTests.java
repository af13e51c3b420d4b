package dev.rehearsal.spec;

import static dev.rehearsal.schema.Schemas.enumValues;
import static dev.rehearsal.schema.Schemas.properties;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import dev.rehearsal.grade.Graders;
import dev.rehearsal.model.ModelClients;
import dev.rehearsal.model.runtime.RuntimeSettings;
import dev.rehearsal.schema.Schemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The published gate and scorecard JSON Schemas ({@code dev/rehearsal/schema/*.schema.json}): every
 * committed gate and scorecard file validates, structurally broken fixtures do not, and each strict
 * section lists exactly the keys the loader accepts.
 */
class GateSchemaTests {

  private static final JsonNode GATE = Schemas.tree(Schemas.GATE);
  private static final JsonSchema GATE_SCHEMA = Schemas.schema(Schemas.GATE);
  private static final JsonSchema SCORECARD_SCHEMA = Schemas.schema(Schemas.SCORECARD);
  private static final String BROKEN = "framework/engine/src/test/broken-gates/";

  // ---- (a) the committed files validate ----

  @Test
  void schemasAreValidDraft07() {
    for (String resource : List.of(Schemas.GATE, Schemas.SCORECARD)) {
      assertThat(Schemas.errors(Schemas.metaSchema(), Schemas.tree(resource))).as(resource).isEmpty();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCommittedGateFileValidates() {
    List<Path> gates = Schemas.files(".gate.yaml").stream()
        .filter(p -> !Schemas.projectRoot().relativize(p).toString().replace('\\', '/').startsWith(BROKEN)).toList();
    assertThat(gates).as("gate files found under " + Schemas.projectRoot()).hasSizeGreaterThanOrEqualTo(10);
    return gates.stream().map(p -> DynamicTest.dynamicTest(Schemas.projectRoot().relativize(p).toString(),
        () -> assertThat(Schemas.errors(GATE_SCHEMA, Schemas.yaml(p))).as(p.toString()).isEmpty()));
  }

  @TestFactory
  Stream<DynamicTest> everyCommittedScorecardFileValidates() {
    List<Path> scorecards = Schemas.files(".scorecard.yaml");
    assertThat(scorecards).hasSizeGreaterThanOrEqualTo(3);
    return scorecards.stream().map(p -> DynamicTest.dynamicTest(Schemas.projectRoot().relativize(p).toString(),
        () -> assertThat(Schemas.errors(SCORECARD_SCHEMA, Schemas.yaml(p))).as(p.toString()).isEmpty()));
  }

  /** Structural breakage fails the schema; what only the loader can see (files, paths, data) does not. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "unknown-key.gate.yaml,   ownr",
      "missing-key.gate.yaml,   promise",
      "wrong-type.gate.yaml,    size",
      "escaping-path.gate.yaml, ",
      "missing-data.gate.yaml,  ",
      "corrupt-data.gate.yaml,  ",
  })
  void brokenFixturesFailWhereTheBreakageIsStructural(String file, String named) {
    List<String> errors = Schemas.errors(GATE_SCHEMA, Schemas.yaml(Schemas.projectRoot().resolve(BROKEN + file)));
    if (named == null) {
      assertThat(errors).as("semantic breakage is the loader's job").isEmpty();
    } else {
      assertThat(errors).isNotEmpty().anySatisfy(e -> assertThat(e).contains(named));
    }
  }

  @Test
  void brokenFixturesAreAllCovered() throws IOException {
    try (Stream<Path> files = Files.list(Schemas.projectRoot().resolve(BROKEN))) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".gate.yaml")))
          .containsExactlyInAnyOrder("unknown-key.gate.yaml", "missing-key.gate.yaml", "wrong-type.gate.yaml",
              "escaping-path.gate.yaml", "missing-data.gate.yaml", "corrupt-data.gate.yaml");
    }
  }

  /** The annotated example at the top of docs/gate-spec.md is a valid gate too. */
  @Test
  void referenceExampleValidates() throws IOException {
    String readme = Files.readString(Schemas.projectRoot().resolve("docs/gate-spec.md"));
    int at = readme.indexOf("# Gate spec reference");
    Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(at).isNotNegative();
    assertThat(m.find(at)).isTrue();
    assertThat(Schemas.errors(GATE_SCHEMA, Schemas.yaml(m.group(1)))).isEmpty();
  }

  @Test
  void exampleGatesCarryTheModeline() throws IOException {
    for (String gate : List.of("gate-specs/src/test/resources/gates/ship/hh-harmlessness-ship.gate.yaml",
        "gate-specs/src/test/resources/gates/hold/hh-harmlessness-hold.gate.yaml")) {
      Path file = Schemas.projectRoot().resolve(gate);
      String first = Files.readAllLines(file).get(0);
      assertThat(first).startsWith("# yaml-language-server: $schema=");
      Path schema = file.getParent().resolve(first.substring(first.indexOf('=') + 1).trim()).normalize();
      assertThat(schema).as(gate).isEqualTo(Schemas.projectRoot()
          .resolve("framework/core/src/main/resources" + Schemas.GATE));
    }
  }

  private static final String MINIMAL = """
      gate: g
      promise: p
      owner: o
      prefixes:
        source: { format: openai-messages, path: log.jsonl }
        sample: { size: 10, seed: 1 }
      arms:
        production: { replay: logged }
        candidate: { model: m }
      models:
        m: { client: openai, base-url: "${URL}", model: gpt, api-key-env: KEY, budget: { calls: 10 } }
      graders:
        pii: { type: pii }
      categories:
        - { id: privacy, grader: pii, owner: team }
      thresholds:
        - { max-rate: 1%, on-breach: hold }
      """;

  @Test
  void minimalGateValidates() {
    assertThat(Schemas.errors(GATE_SCHEMA, Schemas.yaml(MINIMAL))).isEmpty();
  }

  /** Each edit of the minimal gate is one the loader rejects before reading any data. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "source with path and data        | 'path: log.jsonl }'              | 'path: log.jsonl, data: x }'",
      "source without a location        | ', path: log.jsonl }'            | ' }'",
      "unknown source format            | 'format: openai-messages'        | 'format: csv'",
      "prompt-column outside prompt suites | 'path: log.jsonl }'            | 'path: log.jsonl, prompt-column: q }'",
      "sample size is not a number      | 'size: 10'                       | 'size: ten'",
      "stratify with sequential         | 'seed: 1 }'                      | 'seed: 1, sequential: { batch: 5 }, stratify: { allocation: equal } }'",
      "arm with replay and model        | '{ model: m }'                   | '{ model: m, replay: chosen }'",
      "tools on a replay arm            | '{ replay: logged }'             | '{ replay: logged, tools: { policy: replay } }'",
      "simulate without simulator       | '{ model: m }'                   | '{ model: m, tools: { policy: simulate } }'",
      "openai model with a scripted key | 'budget: { calls: 10 } }'        | 'budget: { calls: 10 }, replies: [] }'",
      "model without client             | 'client: openai, '               | ''",
      "pii grader with a label          | '{ type: pii }'                  | '{ type: pii, label: x }'",
      "unknown grader type              | '{ type: pii }'                  | '{ type: toxic }'",
      "category without owner           | ', owner: team }'                | ' }'",
      "unknown severity                 | 'owner: team }'                  | 'owner: team, severity: urgent }'",
      "threshold with two kinds         | 'max-rate: 1%,'                  | 'max-rate: 1%, max-increase: 1pp,'",
      "threshold without on-breach      | ', on-breach: hold'              | ''",
      "unknown action                   | 'on-breach: hold'                | 'on-breach: panic'",
      "unknown top-level key            | 'owner: o'                       | 'owner: o\nownr: o'",
  })
  void structuralMistakesFail(String name, String from, String to) {
    String yaml = MINIMAL.replace(from, to.replace("\\n", "\n"));
    assertThat(yaml).as("the edit applies").isNotEqualTo(MINIMAL);
    assertThat(Schemas.errors(GATE_SCHEMA, Schemas.yaml(yaml))).as(name).isNotEmpty();
  }

  @Test
  void everyPropertyHasADescription() {
    for (String resource : List.of(Schemas.GATE, Schemas.SCORECARD)) {
      List<String> missing = new ArrayList<>();
      undescribed(Schemas.tree(resource), "", missing);
      assertThat(missing).as(resource).isEmpty();
    }
  }

  private static void undescribed(JsonNode node, String at, List<String> missing) {
    if (node.isObject()) {
      JsonNode props = node.get("properties");
      if (props != null && props.isObject()) {
        props.properties().forEach(e -> {
          if (!e.getValue().hasNonNull("description")) {
            missing.add(at + "/properties/" + e.getKey());
          }
        });
      }
      node.properties().stream().filter(e -> !e.getKey().equals("if")) // conditions are not documentation
          .forEach(e -> undescribed(e.getValue(), at + "/" + e.getKey(), missing));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        undescribed(node.get(i), at + "/" + i, missing);
      }
    }
  }

  // ---- (b) the schema lists exactly the keys the loader accepts ----

  private static final String PREFIXES = "/properties/prefixes";
  private static final String ELIGIBLE = PREFIXES + "/properties/eligible";
  private static final String SAMPLE = PREFIXES + "/properties/sample";
  private static final String ARM = "/properties/arms/properties/";
  private static final String GRADER = "/properties/graders/additionalProperties";
  private static final String MODEL = "/properties/models/additionalProperties";

  @Test
  void strictSectionsListExactlyTheLoadersKeys() {
    Map<String, Set<String>> expected = new LinkedHashMap<>();
    expected.put("", GateSpecLoader.TOP);
    expected.put(PREFIXES, PrefixesReader.KEYS);
    expected.put(PREFIXES + "/properties/source", SourceReader.KEYS);
    expected.put(PREFIXES + "/properties/source/properties/jdbc", SourceReader.JDBC_KEYS);
    expected.put(PREFIXES + "/properties/source/properties/sql", SqlReader.KEYS);
    expected.put(PREFIXES + "/properties/source/properties/sql/properties/columns", SqlReader.COLUMN_KEYS);
    expected.put(ELIGIBLE, EligibilityReader.KEYS);
    expected.put(ELIGIBLE + "/properties/metadata/additionalProperties/anyOf/2", EligibilityReader.CONDITION_KEYS);
    expected.put(ELIGIBLE + "/properties/time-window", EligibilityReader.TIME_WINDOW_KEYS);
    expected.put(SAMPLE, SampleReader.KEYS);
    expected.put(SAMPLE + "/properties/stratify", SampleReader.STRATIFY_KEYS);
    expected.put(SAMPLE + "/properties/sequential", SampleReader.SEQUENTIAL_KEYS);
    expected.put(PREFIXES + "/properties/segments/items", union(SegmentsReader.RULE_KEYS, SegmentsReader.FAMILY_KEYS));
    expected.put(PREFIXES + "/properties/deid", Set.of("policy"));
    expected.put(PREFIXES + "/properties/bad-records", PrefixesReader.BAD_RECORD_KEYS);
    expected.put("/properties/arms", GateSpecLoader.ARMS);
    for (String arm : GateSpecLoader.ARMS) {
      expected.put(ARM + arm, GateSpecLoader.ARM_KEYS);
      expected.put(ARM + arm + "/properties/tools", GateSpecLoader.TOOLS_KEYS);
    }
    expected.put("/properties/categories/items", GateSpecLoader.CATEGORY_KEYS);
    expected.put("/properties/thresholds/items", ThresholdsReader.keys());
    expected.put("/properties/evidence", ThresholdsReader.EVIDENCE_KEYS);
    expected.put("/properties/health", GateSpecLoader.HEALTH_KEYS);
    expected.put("/properties/audit", GateSpecLoader.AUDIT_KEYS);
    expected.put("/properties/traffic", GateSpecLoader.TRAFFIC_KEYS);
    expected.put("/properties/grading", GradingReader.KEYS);
    expected.put("/properties/categories/items/properties/grading", GradingReader.KEYS);
    expected.forEach((pointer, keys) -> {
      assertThat(properties(GATE, pointer)).as("properties at '" + pointer + "'").isEqualTo(new TreeSet<>(keys));
      JsonNode strict = GATE.at(pointer).get("additionalProperties");
      boolean closed = strict != null && strict.isBoolean() && !strict.asBoolean();
      boolean closedByBranch = GATE.at(pointer).has("if");
      assertThat(closed || closedByBranch).as("'" + pointer + "' rejects unknown keys").isTrue();
    });
    assertThat(enumValues(GATE, PREFIXES + "/properties/segments/items/then/propertyNames/enum"))
        .isEqualTo(new TreeSet<>(SegmentsReader.FAMILY_KEYS));
    assertThat(enumValues(GATE, PREFIXES + "/properties/segments/items/else/propertyNames/enum"))
        .isEqualTo(new TreeSet<>(SegmentsReader.RULE_KEYS));
  }

  @Test
  void closedValueSetsMatchTheLoader() {
    assertThat(enumValues(GATE, PREFIXES + "/properties/source/properties/format/enum"))
        .isEqualTo(new TreeSet<>(SourceReader.FORMATS));
    assertThat(enumValues(GATE, PREFIXES + "/properties/deid/properties/policy/enum"))
        .isEqualTo(new TreeSet<>(PrefixesReader.DEID_POLICIES));
    assertThat(enumValues(GATE, ARM + "candidate/properties/tools/properties/policy/enum"))
        .isEqualTo(new TreeSet<>(GateSpecLoader.TOOL_POLICIES));
    Set<String> severities = Arrays.stream(Severity.values()).map(Severity::wireName).collect(Collectors.toSet());
    assertThat(enumValues(GATE, "/properties/categories/items/properties/severity/enum")).isEqualTo(new TreeSet<>(severities));
    assertThat(enumValues(GATE, "/properties/thresholds/items/properties/on-breach/enum"))
        .isEqualTo(Arrays.stream(Action.values()).map(Action::wireName).collect(Collectors.toCollection(TreeSet::new)));
    assertThat(enumValues(GATE, "/properties/thresholds/items/properties/on-inconclusive/enum"))
        .isEqualTo(Arrays.stream(InconclusivePolicy.values()).map(p -> p.name().toLowerCase(java.util.Locale.ROOT))
            .collect(Collectors.toCollection(TreeSet::new)));
    for (String grading : List.of("/properties/grading", "/properties/categories/items/properties/grading")) {
      assertThat(enumValues(GATE, grading + "/properties/estimate/enum")).isEqualTo(new TreeSet<>(GradingReader.ESTIMATES));
    }
    Set<String> kinds = new TreeSet<>();
    GATE.at("/properties/thresholds/items/oneOf").forEach(b -> kinds.add(b.get("required").get(0).asText()));
    assertThat(kinds).isEqualTo(Arrays.stream(ThresholdKind.values()).map(ThresholdKind::key)
        .collect(Collectors.toCollection(TreeSet::new)));
  }

  @Test
  void graderKeysFollowGradersTypes() {
    Map<String, Set<String>> types = Graders.types();
    assertThat(enumValues(GATE, GRADER + "/properties/type/enum")).isEqualTo(new TreeSet<>(types.keySet()));
    Map<String, Set<String>> branches = branches(GRADER, "type");
    assertThat(branches.keySet()).isEqualTo(types.keySet());
    types.forEach((type, keys) -> assertThat(branches.get(type)).as(type).isEqualTo(new TreeSet<>(keys)));
    assertThat(properties(GATE, GRADER)).isEqualTo(flat(types.values()));
  }

  @Test
  void modelKeysFollowTheProviders() {
    Map<String, Set<String>> branches = branches(MODEL, "client");
    // In core only the in-process providers are on the class path; the openai and anthropic
    // extensions check their own keys (OpenAiSchemaTests, AnthropicSchemaTests).
    // Test-only providers (e.g. 'counting') are on the test class path too; they have no branch.
    assertThat(ModelClients.availableIds()).contains("scripted", "synthetic");
    for (String id : branches.keySet().stream().filter(ModelClients.availableIds()::contains).toList()) {
      assertThat(branches.get(id)).as(id)
          .isEqualTo(new TreeSet<>(union(ModelClients.provider(id).settingKeys(), GateSpecLoader.MODEL_COMMON_KEYS)));
    }
    for (String remote : List.of("openai", "anthropic")) {
      assertThat(branches.get(remote)).as(remote).containsAll(RuntimeSettings.KEYS).containsAll(GateSpecLoader.MODEL_COMMON_KEYS);
    }
    assertThat(properties(GATE, MODEL)).isEqualTo(flat(branches.values()));
    assertThat(enumValues(GATE, MODEL + "/properties/client/anyOf/0/enum")).isEqualTo(new TreeSet<>(branches.keySet()));
  }

  /** The {@code if {discriminator: const X} then {propertyNames: enum}} branches at a pointer. */
  static Map<String, Set<String>> branches(String pointer, String discriminator) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    GATE.at(pointer + "/allOf").forEach(b -> out.put(b.at("/if/properties/" + discriminator + "/const").asText(),
        enumValues(b, "/then/propertyNames/enum")));
    return out;
  }

  static Set<String> union(Set<String> a, Set<String> b) {
    return flat(List.of(a, b));
  }

  static Set<String> flat(java.util.Collection<Set<String>> sets) {
    Set<String> out = new TreeSet<>();
    sets.forEach(out::addAll);
    return out;
  }
}
