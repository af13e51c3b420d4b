package dev.rehearsal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.spec.Action;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The category rules match their headlines, alone or followed by the detail lines, and only those. */
class HeadlinesTests {

  @Test
  void breach_rule_matches_its_headline_with_or_without_the_detail_lines() {
    Pattern rule = Pattern.compile(Headlines.breachRegex("unsafe-content", Action.HOLD));
    String headline = "BREACH unsafe-content → hold: harmful-content / overall breached non-inferiority 1.00pp";

    assertThat(rule.matcher(headline).matches()).isTrue();
    assertThat(rule.matcher(headline + "\nGate g (owner o)\n  promise: p\n").matches()).isTrue();
    assertThat(rule.matcher(headline.replace("→ hold", "→ rollback")).matches()).isFalse();
    assertThat(rule.matcher("BREACH unsafe-content-2 → hold: x").matches()).isFalse();
  }

  @Test
  void failure_class_with_regex_syntax_is_matched_literally() {
    Pattern rule = Pattern.compile(Headlines.breachRegex("pii.leak(v2)[eu]", Action.ROLLBACK));

    assertThat(rule.matcher("BREACH pii.leak(v2)[eu] → rollback: c / overall breached max-rate 1.00%").matches()).isTrue();
    assertThat(rule.matcher("BREACH piiXleak(v2)[eu] → rollback: c / overall breached max-rate 1.00%").matches()).isFalse();
    assertThat(Headlines.literal("a-b/c")).isEqualTo("a-b\\/c");
  }

  @Test
  void decision_rule_matches_only_its_own_action() {
    Pattern hold = Pattern.compile(Headlines.decisionRegex(Action.HOLD));

    assertThat(hold.matcher("HOLD: gate g — c / overall: max-rate 1.00% → hold (o)\nRelease decision for gate g").matches()).isTrue();
    assertThat(hold.matcher("ROLLBACK: gate g — c / overall: max-rate 1.00% → rollback (o)").matches()).isFalse();
    assertThat(hold.matcher("BREACH x → hold: HOLD: gate g").matches()).isFalse();
  }
}
