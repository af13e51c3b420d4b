package dev.rehearsal.spec;

import dev.rehearsal.model.ModelConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A parsed, validated gate file: what is promised, which prefixes are rehearsed, which arms answer
 * them, how answers are graded, and which thresholds block the release.
 *
 * @param id the gate id (unique ids and report names derive from it)
 * @param promise the product promise the gate protects, in one sentence
 * @param owner who owns the gate's decision
 * @param tags JUnit tags of the whole gate
 * @param prefixes where prefixes come from and how they are sampled
 * @param production the production arm (Y)
 * @param candidate the candidate arm (X)
 * @param models model declarations by name
 * @param graders grader declarations by id
 * @param categories tracked categories in spec order
 * @param thresholds release thresholds in spec order
 * @param health bounds on the simulation's own health
 * @param file the gate file
 * @param mark the position of the {@code gate:} key
 * @param sha256 hash of the file's bytes, for the manifest
 * @param audit the automated audit, if the gate asks for one
 * @param traffic production traffic for deployment-scale risk, if declared
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GateSpec(
    String id,
    String promise,
    String owner,
    List<String> tags,
    PrefixSpec prefixes,
    ArmSpec production,
    ArmSpec candidate,
    Map<String, ModelConfig> models,
    Map<String, GraderSpec> graders,
    List<CategorySpec> categories,
    List<ThresholdSpec> thresholds,
    HealthSpec health,
    Path file,
    Mark mark,
    String sha256,
    Optional<AuditSpec> audit,
    Optional<TrafficSpec> traffic) {

  public GateSpec {
    tags = List.copyOf(tags);
    models = Map.copyOf(models);
    graders = Map.copyOf(graders);
    categories = List.copyOf(categories);
    thresholds = List.copyOf(thresholds);
  }

  /** A gate without declared traffic. */
  public GateSpec(String id, String promise, String owner, List<String> tags, PrefixSpec prefixes, ArmSpec production,
      ArmSpec candidate, Map<String, ModelConfig> models, Map<String, GraderSpec> graders, List<CategorySpec> categories,
      List<ThresholdSpec> thresholds, HealthSpec health, Path file, Mark mark, String sha256, Optional<AuditSpec> audit) {
    this(id, promise, owner, tags, prefixes, production, candidate, models, graders, categories, thresholds, health, file,
        mark, sha256, audit, Optional.empty());
  }

  /** A gate without an audit. */
  public GateSpec(String id, String promise, String owner, List<String> tags, PrefixSpec prefixes, ArmSpec production,
      ArmSpec candidate, Map<String, ModelConfig> models, Map<String, GraderSpec> graders, List<CategorySpec> categories,
      List<ThresholdSpec> thresholds, HealthSpec health, Path file, Mark mark, String sha256) {
    this(id, promise, owner, tags, prefixes, production, candidate, models, graders, categories, thresholds, health, file,
        mark, sha256, Optional.empty());
  }
}
