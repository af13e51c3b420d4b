package dev.rehearsal.spec.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.rehearsal.spec.Mark;
import dev.rehearsal.spec.SpecException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML into a tree of {@link Node}s that keep their file positions, interpolating
 * {@code ${ENV}} references in scalars.
 *
 * <p>Jackson's streaming YAML parser builds only maps, lists and scalars: no YAML tags, so no
 * arbitrary types. Aliases, size and nesting are bounded, and duplicate keys are errors, because a
 * gate file is reviewed text and silent surprises in it decide releases.
 */
public final class YamlTreeReader {

  static final int MAX_ALIASES = 20;
  static final int MAX_CODE_POINTS = 4 * 1024 * 1024;
  static final int MAX_DEPTH = 64;
  private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");

  private final YAMLFactory factory;
  private final Function<String, Optional<String>> environment;

  public YamlTreeReader(Function<String, Optional<String>> environment) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setNestingDepthLimit(MAX_DEPTH);
    this.factory = YAMLFactory.builder()
        .loaderOptions(options)
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
        .build();
    this.environment = environment;
  }

  /** Reads the document in {@code text}, which came from {@code file}. */
  public Node read(Path file, String text) {
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new SpecException(new Mark(file, 1, 1), "$", "The gate file is empty. Start it with 'gate: <id>'.");
      }
      Node root = node(parser, file, "$", 0);
      if (parser.nextToken() != null) {
        // Jackson reads a stream of documents; a second one would otherwise be dropped unread.
        throw new SpecException(mark(file, parser.currentTokenLocation()), "$", "A gate file holds one YAML"
            + " document, but another one starts here (after '---'). Put each gate in its own file.");
      }
      return root;
    } catch (JsonParseException e) {
      JsonLocation at = e.getLocation();
      throw new SpecException(mark(file, at), "$", "Not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new SpecException(new Mark(file, 1, 1), "$", "Cannot read YAML: " + e.getMessage());
    } catch (RuntimeException e) {
      if (e instanceof SpecException) {
        throw e;
      }
      // SnakeYAML reports alias/size limits as unchecked exceptions.
      throw new SpecException(new Mark(file, 1, 1), "$", "Not accepted as a gate file: " + e.getMessage());
    }
  }

  private Node node(JsonParser parser, Path file, String path, int depth) throws IOException {
    Mark mark = mark(file, parser.currentTokenLocation());
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      // Jackson does not resolve aliases: it would hand over the anchor's name as the value.
      throw new SpecException(mark, path, "YAML aliases (*" + parser.getText() + ") are not supported in gate"
          + " files; write the value out in full.");
    }
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      return map(parser, file, path, mark, depth);
    }
    if (token == JsonToken.START_ARRAY) {
      List<Node> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(node(parser, file, path + "[" + items.size() + "]", depth + 1));
      }
      return new ListNode(items, mark, path);
    }
    return scalar(parser, token, mark, path);
  }

  private MapNode map(JsonParser parser, Path file, String path, Mark mark, int depth) throws IOException {
    Map<String, Node> entries = new LinkedHashMap<>();
    Map<String, Mark> keyMarks = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      Mark keyMark = mark(file, parser.currentTokenLocation());
      if (entries.containsKey(key)) {
        throw new SpecException(keyMark, path + "." + key,
            "Duplicate key '" + key + "' (first at line " + keyMarks.get(key).line() + "). Keep one of them.");
      }
      parser.nextToken();
      keyMarks.put(key, keyMark);
      entries.put(key, node(parser, file, path + "." + key, depth + 1));
    }
    return new MapNode(entries, keyMarks, mark, path);
  }

  private ScalarNode scalar(JsonParser parser, JsonToken token, Mark mark, String path) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return new ScalarNode("", false, Optional.empty(), true, mark, path);
    }
    String raw = parser.getText();
    boolean quoted = token == JsonToken.VALUE_STRING;
    if (!quoted || !raw.contains("${")) {
      return new ScalarNode(raw, quoted, Optional.empty(), false, mark, path);
    }
    return new ScalarNode(interpolate(raw, mark, path), true, Optional.of(raw), false, mark, path);
  }

  private String interpolate(String raw, Mark mark, String path) {
    Matcher m = ENV.matcher(raw);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      Optional<String> value = environment.apply(name).or(() -> Optional.ofNullable(m.group(3)));
      if (value.isEmpty()) {
        throw new SpecException(mark, path, "Environment variable " + name + " is not set. Set it, or give a "
            + "default with ${" + name + ":-value}.");
      }
      if (environment.apply(name).isPresent()) {
        dev.rehearsal.spec.Secrets.register(name, value.get());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value.get()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Mark mark(Path file, JsonLocation at) {
    return new Mark(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
  }
}
