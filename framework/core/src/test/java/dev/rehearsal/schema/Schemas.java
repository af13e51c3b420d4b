package dev.rehearsal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Test helper: loads the published JSON Schemas and validates YAML files against them. */
public final class Schemas {

  public static final String GATE = "/dev/rehearsal/schema/gate.schema.json";
  public static final String SCORECARD = "/dev/rehearsal/schema/scorecard.schema.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

  private Schemas() {}

  /** The schema document as JSON. */
  public static JsonNode tree(String resource) {
    try (InputStream in = Schemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonSchema schema(String resource) {
    return FACTORY.getSchema(tree(resource));
  }

  /** The draft-07 meta-schema (bundled with the validator, no network). */
  public static JsonSchema metaSchema() {
    return FACTORY.getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"));
  }

  public static JsonNode yaml(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The validation messages, sorted, as text. */
  public static List<String> errors(JsonSchema schema, JsonNode document) {
    Set<ValidationMessage> messages = schema.validate(document);
    return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  /** The project root: {@code -Drehearsal.project-root} (set by the build) or two levels up. */
  public static Path projectRoot() {
    String root = System.getProperty("rehearsal.project-root");
    return (root == null || root.isBlank() ? Path.of("../..") : Path.of(root)).toAbsolutePath().normalize();
  }

  /** Every committed file whose name ends with {@code suffix}, outside build output and VCS folders. */
  public static List<Path> files(String suffix) {
    try (Stream<Path> walk = Files.walk(projectRoot())) {
      return walk.filter(p -> p.getFileName().toString().endsWith(suffix))
          .filter(p -> { 
            Path rel = projectRoot().relativize(p);
            for (Path part : rel) {
              String s = part.toString();
              if (s.equals("target") || s.startsWith(".") || s.equals("node_modules")) {
                return false;
              }
            }
            return true;
          })
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The property names declared at a JSON pointer (a schema object with {@code properties}). */
  public static Set<String> properties(JsonNode schema, String pointer) {
    JsonNode node = schema.at(pointer);
    if (node.isMissingNode() || !node.has("properties")) {
      throw new IllegalArgumentException("No 'properties' at " + pointer);
    }
    return names(node.get("properties").fieldNames());
  }

  /** The values of an {@code enum} at a JSON pointer, as text. */
  public static Set<String> enumValues(JsonNode schema, String pointer) {
    JsonNode node = schema.at(pointer);
    if (!node.isArray()) {
      throw new IllegalArgumentException("No enum array at " + pointer);
    }
    Set<String> out = new TreeSet<>();
    node.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static Set<String> names(Iterator<String> it) {
    Set<String> out = new TreeSet<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
