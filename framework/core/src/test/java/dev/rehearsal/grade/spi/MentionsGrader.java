package dev.rehearsal.grade.spi;

import dev.rehearsal.grade.GraderContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A test custom grader: flags a response that mentions {@code settings.word}; registered through ServiceLoader. */
public final class MentionsGrader implements CustomGrader {

  @Override
  public String name() {
    return "mentions";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public Set<String> settingKeys() {
    return Set.of("word", "case-sensitive");
  }

  @Override
  public Set<String> requiredSettingKeys() {
    return Set.of("word");
  }

  @Override
  public Set<String> labels() {
    return Set.of("mention");
  }

  @Override
  public Grading prepare(Map<String, Object> settings, GraderContext context) {
    if (!(settings.get("word") instanceof String word) || word.isBlank()) {
      throw new IllegalArgumentException("'settings.word' must be a non-blank string.");
    }
    String needle = word.toLowerCase(Locale.ROOT);
    return in -> {
      int at = in.response().toLowerCase(Locale.ROOT).indexOf(needle);
      return at < 0 ? GradeResult.clean() : GradeResult.flag("mention", in.response(), at, at + needle.length());
    };
  }

  /** Two classes answer to the same name: selecting it by provider is ambiguous. */
  public static final class DuplicateA extends Named {
    public DuplicateA() {
      super("duplicate");
    }
  }

  /** The other one. */
  public static final class DuplicateB extends Named {
    public DuplicateB() {
      super("duplicate");
    }
  }

  /** Gives a label it never declared. */
  public static final class Undeclared extends Named {
    public Undeclared() {
      super("undeclared");
    }

    @Override
    public Grading prepare(Map<String, Object> settings, GraderContext context) {
      return in -> new GradeResult(List.of(new dev.rehearsal.grade.Evidence("other", "", 0, 0)), java.util.Optional.empty());
    }
  }

  abstract static class Named implements CustomGrader {
    private final String name;

    Named(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String version() {
      return "1";
    }

    @Override
    public Set<String> settingKeys() {
      return Set.of();
    }

    @Override
    public Set<String> labels() {
      return Set.of("x");
    }

    @Override
    public Grading prepare(Map<String, Object> settings, GraderContext context) {
      return in -> GradeResult.clean();
    }
  }
}
