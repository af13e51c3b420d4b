package dev.rehearsal.run.store;

import org.apiguardian.api.API;

/**
 * What the response cache did in a run.
 *
 * @param hits calls answered from the store
 * @param misses calls sent to the model
 * @param corrupted stored rows that failed their checksum and were refetched
 * @param writes replies committed to the store
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CacheStats(long hits, long misses, long corrupted, long writes) {}
