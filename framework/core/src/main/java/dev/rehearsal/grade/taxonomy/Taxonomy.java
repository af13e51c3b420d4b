package dev.rehearsal.grade.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rehearsal.spec.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A taxonomy pack: tracked categories and the judge and auditor prompt templates that measure them.
 * {@link #defaults()} is the pack shipped in {@code dev/rehearsal/taxonomy/}; gate files use its
 * entries by name ({@code use: taxonomy/disallowed/violence}).
 *
 * @param version the pack's version, part of every judge fingerprint through the prompt text
 * @param entries the categories in pack order
 * @param judgeTemplate the judge prompt template (Markdown with placeholders)
 * @param auditorTemplate the auditor prompt template
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Taxonomy(int version, List<TaxonomyEntry> entries, String judgeTemplate, String auditorTemplate) {

  /** The prefix that marks a taxonomy reference in gate files. */
  public static final String PREFIX = "taxonomy/";

  private static final String ROOT = "/dev/rehearsal/taxonomy/";
  private static final Taxonomy DEFAULTS = load();

  public Taxonomy {
    entries = List.copyOf(entries);
  }

  /** The shipped pack. */
  public static Taxonomy defaults() {
    return DEFAULTS;
  }

  /** The entry named {@code ref}, with or without the {@code taxonomy/} prefix. */
  public Optional<TaxonomyEntry> find(String ref) {
    String id = ref.startsWith(PREFIX) ? ref.substring(PREFIX.length()) : ref;
    return entries.stream().filter(e -> e.id().equals(id)).findFirst();
  }

  /**
   * The judge prompt of one entry: the judge template with its definition and label filled in; the
   * conversation and response placeholders stay for the judge to fill per response.
   */
  public String judgePrompt(TaxonomyEntry entry) {
    return judgeTemplate.replace("{{category_definition}}", entry.judgeDefinition()).replace("{{labels}}", entry.label());
  }

  /** The ids, for "valid values" lists in errors. */
  public List<String> ids() {
    return entries.stream().map(TaxonomyEntry::id).toList();
  }

  private static Taxonomy load() {
    try (InputStream in = Taxonomy.class.getResourceAsStream(ROOT + "default.yaml")) {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      List<TaxonomyEntry> entries = new ArrayList<>();
      for (JsonNode e : root.path("categories")) {
        String fc = e.path("failure-class").asText();
        entries.add(new TaxonomyEntry(e.path("id").asText(), e.path("definition").asText(), e.path("guidance").asText(),
            Severity.valueOf(e.path("severity").asText().toUpperCase(Locale.ROOT)),
            FailureClass.fromWire(fc).orElseThrow(() -> new IllegalStateException("Unknown failure class " + fc)),
            e.path("owner").asText()));
      }
      return new Taxonomy(root.path("version").asInt(), entries, text("judge.md"), text("auditor.md"));
    } catch (IOException e) {
      throw new UncheckedIOException("The default taxonomy pack is missing from the class path", e);
    }
  }

  private static String text(String name) throws IOException {
    try (InputStream in = Taxonomy.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IOException("missing " + ROOT + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
