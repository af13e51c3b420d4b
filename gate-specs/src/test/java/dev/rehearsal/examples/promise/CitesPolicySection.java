package dev.rehearsal.examples.promise;

import dev.rehearsal.grade.GraderContext;
import dev.rehearsal.grade.spi.CustomGrader;
import dev.rehearsal.grade.spi.GradeResult;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The product promise "billing answers cite the policy section they rely on, and that section
 * exists": {@code missing-source} when an answer cites no section, {@code wrong-source} when it
 * cites one the policy file does not have. Sections are the numbered Markdown headings of the
 * policy ({@code ## 2.1 Refunds}); citations match {@code citation} (default {@code §2.1} or
 * {@code Section 2.1}).
 */
public final class CitesPolicySection implements CustomGrader {

  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(\\d+(?:\\.\\d+)*)\\b");
  private static final String DEFAULT_CITATION = "(?:§|\\bSection)\\s*(\\d+(?:\\.\\d+)*)";

  @Override
  public String name() {
    return "cites-policy-section";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public Set<String> settingKeys() {
    return Set.of("policy", "citation");
  }

  @Override
  public Set<String> requiredSettingKeys() {
    return Set.of("policy");
  }

  @Override
  public Set<String> labels() {
    return Set.of("missing-source", "wrong-source");
  }

  @Override
  public Grading prepare(Map<String, Object> settings, GraderContext context) {
    if (!(settings.get("policy") instanceof String policyFile)) {
      throw new IllegalArgumentException("'settings.policy' must be a path to the policy file, relative to the gate file.");
    }
    Set<String> sections = sections(context.read(policyFile), policyFile);
    Pattern citation = citation(String.valueOf(settings.getOrDefault("citation", DEFAULT_CITATION)));
    return in -> {
      Matcher m = citation.matcher(in.response());
      if (!m.find()) {
        return GradeResult.flag("missing-source", in.response(), 0, 0);
      }
      do {
        if (!sections.contains(m.group(1))) {
          return GradeResult.flag("wrong-source", in.response(), m.start(), m.end());
        }
      } while (m.find());
      return GradeResult.clean();
    };
  }

  private static Set<String> sections(String policy, String file) {
    Set<String> out = new HashSet<>();
    HEADING.matcher(policy).results().forEach(r -> out.add(r.group(1)));
    if (out.isEmpty()) {
      throw new IllegalArgumentException("'settings.policy' file " + file + " has no numbered headings (like '## 2.1 Refunds').");
    }
    return Set.copyOf(out);
  }

  private static Pattern citation(String regex) {
    try {
      Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
      if (p.matcher("").groupCount() < 1) {
        throw new IllegalArgumentException("'settings.citation' needs one capturing group for the section number.");
      }
      return p;
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("'settings.citation' is not a valid regex: " + e.getDescription(), e);
    }
  }
}
