package dev.rehearsal.engine;

import org.apiguardian.api.API;

/**
 * Every configuration key of the Rehearsal engine, under the {@code rehearsal.} prefix. Set them as
 * JUnit configuration parameters ({@code junit-platform.properties} of a test project, Surefire's
 * {@code configurationParameters}) or as system properties.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Constants {

  /** The engine id, for {@code @IncludeEngines}. */
  public static final String ENGINE_ID = "rehearsal";

  /**
   * The project root: spec {@code path:} values may not resolve outside it. Default: the nearest
   * ancestor of the working directory that holds {@code .mvn} or {@code .git}, else the working
   * directory.
   */
  public static final String PROJECT_ROOT = "rehearsal.project-root";

  /**
   * The data root that spec {@code data:} values resolve against. Default: the environment variable
   * {@code REHEARSAL_DATA_ROOT}, else {@code <project root>/../shared/data}.
   */
  public static final String DATA_ROOT = "rehearsal.data-root";

  /** Where each gate's decision files are written. Default: {@code target/rehearsal}. */
  public static final String REPORTS_DIR = "rehearsal.reports-dir";

  /** Whether to print the decision table to standard output. Default: {@code true}. */
  public static final String PRINT_DECISION = "rehearsal.print-decision";

  /**
   * The run store file (SQLite) that caches model responses, so reruns make no calls and killed runs
   * resume. Default: {@code <project root>/.rehearsal/store.db}. Set to {@code none} to disable.
   */
  public static final String STORE = "rehearsal.store";

  /** Force fresh model calls and judge grades, overwriting cached responses and verdicts. Default: {@code false}. */
  public static final String FRESH = "rehearsal.fresh";

  /**
   * {@code true} rewrites each gate's {@code <name>.gate.lock} from the current grader fingerprints
   * instead of failing on a changed grader: {@code mvn test -Drehearsal.refreeze=true}. Default:
   * {@code false}.
   */
  public static final String REFREEZE = dev.rehearsal.grade.GateLock.REFREEZE_PROPERTY;

  /** Gate files are the resources and files whose names end with one of these. */
  public static final String GATE_FILE_SUFFIX = ".gate.yaml";

  /** The other accepted suffix. */
  public static final String GATE_FILE_SUFFIX_SHORT = ".gate.yml";

  private Constants() {}
}
