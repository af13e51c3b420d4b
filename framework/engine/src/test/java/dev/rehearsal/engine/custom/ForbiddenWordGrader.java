package dev.rehearsal.engine.custom;

import dev.rehearsal.grade.GraderContext;
import dev.rehearsal.grade.spi.CustomGrader;
import dev.rehearsal.grade.spi.GradeResult;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A team grader for engine tests: flags an answer containing {@code settings.word}. */
public final class ForbiddenWordGrader implements CustomGrader {

  @Override
  public String name() {
    return "forbidden-word";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public Set<String> settingKeys() {
    return Set.of("word");
  }

  @Override
  public Set<String> requiredSettingKeys() {
    return Set.of("word");
  }

  @Override
  public Set<String> labels() {
    return Set.of("forbidden");
  }

  @Override
  public Grading prepare(Map<String, Object> settings, GraderContext context) {
    String word = String.valueOf(settings.get("word")).toLowerCase(Locale.ROOT);
    return in -> {
      int at = in.response().toLowerCase(Locale.ROOT).indexOf(word);
      return at < 0 ? GradeResult.clean() : GradeResult.flag("forbidden", in.response(), at, at + word.length()).withScore(1.0);
    };
  }
}
