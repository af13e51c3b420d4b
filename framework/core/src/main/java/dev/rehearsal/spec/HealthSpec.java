package dev.rehearsal.spec;

import org.apiguardian.api.API;

/**
 * Bounds on the simulation itself; a gate whose simulation is unhealthy fails closed.
 *
 * @param maxErrorShare the largest share of samples per arm that may end in an error
 * @param minSampleShare the smallest share of the requested sample size that must be reached
 * @param maxEmptyShare the largest share of samples per arm whose model reply may be empty (no
 *     text, no tool call); default 0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record HealthSpec(double maxErrorShare, double minSampleShare, double maxEmptyShare) {

  /** Bounds with no empty reply allowed. */
  public HealthSpec(double maxErrorShare, double minSampleShare) {
    this(maxErrorShare, minSampleShare, 0);
  }
}
