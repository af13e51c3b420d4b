package dev.rehearsal.spec;

import dev.rehearsal.spec.internal.Fields;
import dev.rehearsal.spec.internal.Node;
import dev.rehearsal.spec.internal.ScalarNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code prefixes.source}: the format and exactly one of {@code path}, {@code data}, {@code jdbc}
 * or {@code sql}.
 */
final class SourceReader {

  static final Set<String> FORMATS = Set.of("hh-rlhf", "openai-messages", "sharegpt", "prompts-csv", "prompts-jsonl",
      "multi-reply", "turn-rows");
  static final Set<String> KEYS = Set.of("format", "path", "data", "jdbc", "sql", "prompt-column", "id-column",
      "template");
  static final Set<String> JDBC_KEYS = Set.of("url", "query", "column");
  private final SpecContext context;

  SourceReader(SpecContext context) {
    this.context = context;
  }

  SourceSpec read(Node node, Path specFile) {
    Fields src = Fields.of(node, KEYS);
    String format = Fields.choice(src.require("format"), FORMATS);
    boolean prompts = format.startsWith("prompts-");
    for (String key : new String[] {"prompt-column", "id-column", "template"}) {
      if (!prompts && src.optional(key).isPresent()) {
        throw src.require(key).error("'" + key + "' applies to prompt suites only (format prompts-csv or"
            + " prompts-jsonl); remove it or change the format.");
      }
    }
    int given = (src.optional("path").isPresent() ? 1 : 0) + (src.optional("data").isPresent() ? 1 : 0)
        + (src.optional("jdbc").isPresent() ? 1 : 0) + (src.optional("sql").isPresent() ? 1 : 0);
    if (given != 1) {
      throw src.node().error("Give exactly one of 'path' (relative to the gate file), 'data' (relative to the"
          + " data root " + context.dataRoot() + "), 'jdbc' ({url, query, column}) or 'sql' ({files} or {url, from}).");
    }
    if (src.optional("sql").isPresent() != format.equals("turn-rows")) {
      throw src.require("format").error(format.equals("turn-rows")
          ? "Format turn-rows (one row per turn) is read by the 'sql' source only; add 'sql: {files: ...}' or change the format."
          : "The 'sql' source reads one row per turn; set 'format: turn-rows' (see docs/sql-sampling.md).");
    }
    if (src.optional("sql").isPresent()) {
      return new SourceSpec(format, Optional.empty(), Optional.empty(), "prompt", Optional.empty(), src.mark(),
          Optional.empty(), Optional.of(new SqlReader(context).read(src.require("sql"), specFile)));
    }
    Optional<JdbcSpec> jdbc = src.optional("jdbc").map(SourceReader::jdbc);
    if (jdbc.isPresent() && format.equals("prompts-csv")) {
      throw src.require("format").error("A JDBC column holds JSON records; use format prompts-jsonl,"
          + " openai-messages, sharegpt or hh-rlhf with 'jdbc'.");
    }
    Optional<Path> path = jdbc.isPresent() ? Optional.empty() : Optional.of(resolve(src, specFile));
    Optional<PromptTemplate> template = template(src, format, path);
    return new SourceSpec(format, path, jdbc, src.optionalString("prompt-column").orElse("prompt"),
        src.optionalString("id-column"), src.mark(), template);
  }

  /** The prompt template, checked against a CSV file's header so a missing column is a spec error. */
  private static Optional<PromptTemplate> template(Fields src, String format, Optional<Path> path) {
    Optional<Node> node = src.optional("template");
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (src.optional("prompt-column").isPresent()) {
      throw node.get().error("Give either 'template' (the prompt built from several columns) or"
          + " 'prompt-column', not both.");
    }
    ScalarNode scalar = Fields.asScalar(node.get());
    PromptTemplate template;
    try {
      template = PromptTemplate.parse(scalar.text());
    } catch (IllegalArgumentException e) {
      throw scalar.error("Template " + scalar.shown() + ": " + e.getMessage() + ".");
    }
    if (format.equals("prompts-csv") && path.isPresent()) {
      List<String> header = CsvHeader.read(path.get());
      template.missing(new java.util.HashSet<>(header)).ifPresent(column -> {
        throw scalar.error("Template names column '" + column + "', which "
            + path.get().getFileName() + " does not have; its columns: " + header
            + ". Column names are case-sensitive.");
      });
    }
    return Optional.of(template);
  }

  private static JdbcSpec jdbc(Node node) {
    Fields f = Fields.of(node, JDBC_KEYS);
    ScalarNode url = Fields.asScalar(f.require("url"));
    if (!url.text().startsWith("jdbc:")) {
      throw url.error("A JDBC URL starts with 'jdbc:' but " + url.shown() + " does not; e.g."
          + " \"${WAREHOUSE_URL}\" or \"jdbc:sqlite:logs.db\".");
    }
    return new JdbcSpec(url.text(), f.string("query"), f.string("column"));
  }

  private Path resolve(Fields src, Path specFile) {
    Optional<Node> path = src.optional("path");
    ScalarNode node = Fields.asScalar(path.orElseGet(() -> src.require("data")));
    Path root = path.isPresent() ? context.projectRoot() : context.dataRoot();
    Path base = path.isPresent() ? specFile.getParent() : context.dataRoot();
    Path resolved = base.resolve(node.text()).toAbsolutePath().normalize();
    if (!dev.rehearsal.spec.internal.Containment.inside(resolved, root)) {
      throw node.error("Path " + node.shown() + " resolves outside " + (path.isPresent() ? "the project root " : "the data root ")
          + root + " (symbolic links resolved). Keep data inside it" + (path.isPresent() ? ", or use 'data:' for files under the data root." : "."));
    }
    if (!Files.isRegularFile(resolved)) {
      throw node.error("Data file not found: " + resolved + ". Check the path" + (path.isEmpty()
          ? ", or point the data root elsewhere with -Drehearsal.data-root=DIR or REHEARSAL_DATA_ROOT." : "."));
    }
    return resolved;
  }
}
