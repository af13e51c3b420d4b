package dev.rehearsal.grade.spi;

import dev.rehearsal.conversation.Turn;
import dev.rehearsal.grade.Grader;
import dev.rehearsal.grade.GraderException;
import dev.rehearsal.grade.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A {@link CustomGrader} seen as a {@link Grader}: checks its answers, fingerprints class, version and settings. */
final class CustomGraderAdapter implements Grader {

  private final CustomGrader custom;
  private final Map<String, Object> settings;
  private final CustomGrader.Grading grading;

  CustomGraderAdapter(CustomGrader custom, Map<String, Object> settings, CustomGrader.Grading grading) {
    if (custom.labels().isEmpty()) {
      throw new IllegalArgumentException("Grader class " + custom.getClass().getName() + " declares no labels.");
    }
    this.custom = custom;
    this.settings = settings;
    this.grading = grading;
  }

  @Override
  public Set<String> labels() {
    return custom.labels();
  }

  @Override
  public String defaultLabel() {
    return new java.util.TreeSet<>(custom.labels()).first();
  }

  @Override
  public Verdict grade(List<Turn> prefix, String response) {
    GradeResult result = grading.grade(new GradeInput(prefix, response, custom.labels()));
    result.evidence().forEach(e -> {
      if (!custom.labels().contains(e.label())) {
        // A label nobody declared would silently count nowhere: fail this item instead.
        throw new GraderException("undeclared label", custom.getClass().getName() + " gave label '" + e.label()
            + "', not one of " + custom.labels() + ".");
      }
    });
    return Verdict.of(result.evidence());
  }

  @Override
  public Map<String, Object> procedure() {
    Map<String, Object> p = new TreeMap<>();
    p.put("class", custom.getClass().getName());
    p.put("version", custom.version());
    p.put("settings", new TreeMap<>(settings));
    p.put("labels", new java.util.TreeSet<>(custom.labels()));
    return p;
  }
}
