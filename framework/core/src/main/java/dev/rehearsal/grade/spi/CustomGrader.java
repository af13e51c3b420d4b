package dev.rehearsal.grade.spi;

import dev.rehearsal.grade.GraderContext;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A team's own grader, for failure classes no built-in grader knows ("answers cite a policy
 * section that exists"). A gate declares it as {@code type: java} with either {@code class:} (this
 * class's binary name; it needs a public no-argument constructor) or {@code provider:} (its
 * {@link #name()}, found through {@link java.util.ServiceLoader} in
 * {@code META-INF/services/dev.rehearsal.grade.spi.CustomGrader}), plus its {@code settings:} block.
 *
 * <p>The grader's fingerprint holds its class, {@link #version()} and settings: bump the version
 * whenever the grader's behaviour changes, so a gate lock pinned on the old one fails until the gate
 * is re-frozen on purpose.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface CustomGrader {

  /** The name {@code provider:} selects it by (lower-case, like {@code cites-policy-section}). */
  String name();

  /** The version of its behaviour; part of the fingerprint. */
  String version();

  /** The keys its {@code settings:} block accepts; any other key is a spec error with its position. */
  Set<String> settingKeys();

  /** The keys {@code settings:} must contain. */
  default Set<String> requiredSettingKeys() {
    return Set.of();
  }

  /** The labels it can give; categories name one of them. */
  Set<String> labels();

  /**
   * Prepares grading with {@code settings} (plain YAML values: strings, numbers, booleans, lists,
   * maps). Throw {@link IllegalArgumentException} naming the setting and the rule when one is wrong;
   * read files through {@link GraderContext#read(String)} so they stay inside the project.
   */
  Grading prepare(Map<String, Object> settings, GraderContext context);

  /** Prepared grading: thread-safe, called once per response. */
  @FunctionalInterface
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  interface Grading {

    /**
     * Grades one response; throw {@link dev.rehearsal.grade.GraderException} when no verdict can be
     * reached (counted as a grader error, never as a pass).
     */
    GradeResult grade(GradeInput input);
  }
}
