package dev.rehearsal.spec;

import java.util.Locale;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * What to do with a log record that cannot be read.
 *
 * @param policy {@link Policy#FAIL} stops the run with the record's file and line; {@link
 *     Policy#SKIP} skips and counts it
 * @param maxShare the largest share of skipped records before the gate's health fails; empty uses
 *     {@code health.max-error-share}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record BadDataSpec(Policy policy, OptionalDouble maxShare) {

  /** Skip and count, bounded by {@code health.max-error-share}: the default. */
  public static final BadDataSpec DEFAULT = new BadDataSpec(Policy.SKIP, OptionalDouble.empty());

  /** What happens to a bad record. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public enum Policy {
    FAIL,
    SKIP;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
