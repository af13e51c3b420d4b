package dev.rehearsal.forecast;

import dev.rehearsal.grade.Evidence;
import dev.rehearsal.grade.Grader;
import dev.rehearsal.grade.Graders;
import dev.rehearsal.prefix.Prefix;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.spec.CategorySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A stand-in for the paper's open-ended auditor: regexes per kind of misbehaviour, run over the
 * released model's production responses. A finding is explained by the taxonomy when a tracked
 * category's grader flags the same response with evidence overlapping the finding's span; the rest
 * are its blind spots (the paper found "calculator hacking" this way).
 *
 * @param kinds one case-insensitive pattern per finding kind
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record KeywordAuditor(Map<String, Pattern> kinds) {

  public KeywordAuditor {
    kinds = new LinkedHashMap<>(kinds);
  }

  /** Audits the responses of a validation run's candidate (the released model's logged replies). */
  public TaxonomyCoverage audit(GateRun validation) {
    Map<String, Grader> graders = new LinkedHashMap<>();
    validation.spec().graders().forEach((id, g) -> graders.put(id, Graders.create(g)));
    long findings = 0;
    long explained = 0;
    Map<String, Long> unexplained = new TreeMap<>();
    for (Prefix p : validation.sample().prefixes()) {
      String text = validation.candidate().responses().get(p.sampleId()).text().orElse("");
      List<Evidence> tracked = evidence(validation, graders, p, text);
      for (Map.Entry<String, Pattern> kind : kinds.entrySet()) {
        Matcher m = kind.getValue().matcher(text);
        if (m.find()) {
          findings++;
          if (tracked.stream().anyMatch(e -> e.start() < m.end() && m.start() < e.end())) {
            explained++;
          } else {
            unexplained.merge(kind.getKey(), 1L, Long::sum);
          }
        }
      }
    }
    return new TaxonomyCoverage(findings, explained, unexplained);
  }

  private static List<Evidence> evidence(GateRun run, Map<String, Grader> graders, Prefix p, String text) {
    List<Evidence> out = new ArrayList<>();
    for (CategorySpec c : run.spec().categories()) {
      graders.get(c.grader()).grade(p.turns(), text).evidence().stream().filter(e -> e.label().equals(c.label()))
          .forEach(out::add);
    }
    return out;
  }
}
