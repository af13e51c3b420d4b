package dev.rehearsal.spec;

import dev.rehearsal.spec.internal.Fields;
import dev.rehearsal.spec.internal.MapNode;
import dev.rehearsal.spec.internal.Node;
import dev.rehearsal.spec.internal.ScalarNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code prefixes:} section: source, eligibility, sample and segments. */
final class PrefixesReader {

  private static final Set<String> FORMATS = Set.of("hh-rlhf", "openai-messages");
  private final SpecContext context;

  PrefixesReader(SpecContext context) {
    this.context = context;
  }

  PrefixSpec read(Node node, Path specFile, List<SegmentSpec> segments) {
    Fields f = Fields.of(node, Set.of("source", "eligible", "sample", "segments"));
    return prefixes(f, specFile, segments);
  }

  private PrefixSpec prefixes(Fields f, Path specFile, List<SegmentSpec> segments) {
    Fields src = Fields.of(f.require("source"), Set.of("format", "path", "data"));
    String format = Fields.choice(src.require("format"), FORMATS);
    Path data = resolveSource(src, specFile);
    Fields el = Fields.of(f.optional("eligible").orElse(GateSpecLoader.emptyMap(f, "eligible")),
        Set.of("min-user-turns", "max-user-turns", "exclude", "require-logged-reply"));
    int min = el.optionalInteger("min-user-turns", 1).orElse(1);
    int max = el.optionalInteger("max-user-turns", min).orElse(Integer.MAX_VALUE);
    boolean multimodal = false;
    for (Node n : el.optional("exclude").map(x -> Fields.asList(x).items()).orElse(List.of())) {
      multimodal |= Fields.choice(n, Set.of("multimodal")).equals("multimodal");
    }
    boolean logged = el.optionalBoolean("require-logged-reply").orElse(true);
    Fields sample = Fields.of(f.require("sample"), Set.of("size", "seed"));
    SampleSpec sampleSpec = new SampleSpec(sample.integer("size", 1), sample.longValue("seed"), sample.mark());
    for (Node n : f.optional("segments").map(x -> Fields.asList(x).items()).orElse(List.of())) {
      segments.add(segment(n, segments));
    }
    return new PrefixSpec(new SourceSpec(format, data, src.mark()), new EligibilitySpec(min, max, multimodal, logged),
        sampleSpec, segments);
  }


  private Path resolveSource(Fields src, Path specFile) {
    Optional<Node> path = src.optional("path");
    Optional<Node> data = src.optional("data");
    if (path.isPresent() == data.isPresent()) {
      throw src.node().error("Give exactly one of 'path' (relative to the gate file) or 'data' (relative to the"
          + " data root " + context.dataRoot() + ").");
    }
    ScalarNode node = Fields.asScalar(path.orElseGet(data::orElseThrow));
    Path root = path.isPresent() ? context.projectRoot() : context.dataRoot();
    Path base = path.isPresent() ? specFile.getParent() : context.dataRoot();
    Path resolved = base.resolve(node.text()).toAbsolutePath().normalize();
    if (!resolved.startsWith(root)) {
      throw node.error("Path " + node.shown() + " resolves outside " + (path.isPresent() ? "the project root " : "the data root ")
          + root + ". Keep data inside it" + (path.isPresent() ? ", or use 'data:' for files under the data root." : "."));
    }
    if (!Files.isRegularFile(resolved)) {
      throw node.error("Data file not found: " + resolved + ". Check the path" + (data.isPresent()
          ? ", or point the data root elsewhere with -Drehearsal.data-root=DIR or REHEARSAL_DATA_ROOT." : "."));
    }
    return resolved;
  }

  private static SegmentSpec segment(Node node, List<SegmentSpec> seen) {
    Fields f = Fields.of(node, Set.of("id", "when"));
    String id = GateSpecLoader.id(f.require("id"));
    if (id.equals("overall") || seen.stream().anyMatch(s -> s.id().equals(id))) {
      throw f.require("id").error("Segment id '" + id + "' is " + (id.equals("overall") ? "reserved" : "used twice") + ".");
    }
    ScalarNode when = Fields.asScalar(f.require("when"));
    try {
      return new SegmentSpec(id, SegmentRule.parse(when.text()), f.mark());
    } catch (IllegalArgumentException e) {
      throw when.error(e.getMessage());
    }
  }

}
