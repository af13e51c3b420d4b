package dev.rehearsal.grade.classifier;

import dev.rehearsal.grade.taxonomy.Taxonomy;
import dev.rehearsal.grade.taxonomy.TaxonomyEntry;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How a classifier's own category codes map onto taxonomy entries ({@code S10 → disallowed/hate}):
 * the defaults, overridden entry by entry by the declaration's {@code map:}.
 *
 * @param entries classifier code → taxonomy entry
 */
record CategoryMap(Map<String, TaxonomyEntry> entries) {

  CategoryMap {
    entries = Map.copyOf(entries);
  }

  /** {@code defaults} overridden by {@code declared} (a mapping of code → taxonomy id, or null). */
  static CategoryMap of(Map<String, String> defaults, Object declared, java.util.Set<String> codes, Taxonomy taxonomy) {
    Map<String, String> ids = new TreeMap<>(defaults);
    if (declared != null) {
      if (!(declared instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException("'map' must be a mapping of classifier category to taxonomy entry.");
      }
      map.forEach((code, id) -> {
        if (!codes.contains(String.valueOf(code))) {
          throw new IllegalArgumentException("'map' key '" + code + "' is not a category of this classifier; valid: "
              + new TreeSet<>(codes) + ".");
        }
        ids.put(String.valueOf(code), String.valueOf(id));
      });
    }
    Map<String, TaxonomyEntry> out = new TreeMap<>();
    ids.forEach((code, id) -> out.put(code, taxonomy.find(id).orElseThrow(() -> new IllegalArgumentException(
        "'map' value '" + id + "' for '" + code + "' is not a taxonomy entry; valid: " + taxonomy.ids() + "."))));
    return new CategoryMap(out);
  }

  Optional<String> label(String code) {
    return Optional.ofNullable(entries.get(code)).map(TaxonomyEntry::label);
  }

  java.util.Set<String> labels() {
    java.util.Set<String> out = new TreeSet<>();
    entries.values().forEach(e -> out.add(e.label()));
    return out;
  }

  /** Code → taxonomy id, for the fingerprint. */
  Map<String, String> ids() {
    Map<String, String> out = new TreeMap<>();
    entries.forEach((code, e) -> out.put(code, e.id()));
    return out;
  }
}
