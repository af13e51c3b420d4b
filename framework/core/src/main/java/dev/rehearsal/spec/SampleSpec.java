package dev.rehearsal.spec;

import org.apiguardian.api.API;

/**
 * How many eligible user turns to sample, uniformly, and with which seed.
 *
 * @param size the sample size
 * @param seed the seed; the same seed and log give the same sample
 * @param mark where it is declared
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SampleSpec(int size, long seed, Mark mark) {}
