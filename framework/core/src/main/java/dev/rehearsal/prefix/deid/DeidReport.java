package dev.rehearsal.prefix.deid;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What the de-identification guard found in the sampled prefixes and what it did: counts by kind,
 * and the first locations (never the values).
 *
 * @param policy {@code block}, {@code redact}, {@code allow}, or {@code none} when not scanned
 * @param counts findings by kind
 * @param locations the first findings' locations
 * @param redacted whether the prefixes were rewritten with placeholders
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record DeidReport(String policy, Map<PiiKind, Long> counts, List<FindingLocation> locations, boolean redacted) {

  /** How many locations a report keeps. */
  public static final int MAX_LOCATIONS = 50;

  public DeidReport {
    counts = counts.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(counts));
    locations = List.copyOf(locations);
  }

  /** Not scanned. */
  public static DeidReport none() {
    return new DeidReport("none", Map.of(), List.of(), false);
  }

  public long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Counts by kind with wire names ({@code email}, {@code payment-card}), for reports. */
  public Map<String, Long> countsByName() {
    Map<String, Long> out = new LinkedHashMap<>();
    counts.forEach((k, v) -> out.put(k.wireName(), v));
    return out;
  }

  /** One line for the run summary. */
  public String summary() {
    return "de-identification " + policy + ": " + total() + " finding(s) " + countsByName()
        + (redacted ? ", redacted" : "");
  }
}
