package dev.rehearsal.prefix.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PiiScannerTests {

  private final PiiScanner scanner = new PiiScanner();

  @Test
  void finds_every_planted_kind_exactly_where_it_is() {
    Planted.VALUES.forEach((value, kind) -> {
      String text = "before " + value + " after";

      List<Finding> findings = scanner.scan(text);

      assertThat(findings).as(value).singleElement().isEqualTo(new Finding(kind, 7, 7 + value.length()));
    });
  }

  @Test
  void ignores_look_alikes_that_fail_checksums_or_shapes() {
    Planted.LOOK_ALIKES.forEach(text -> assertThat(scanner.scan("see " + text + " here")).as(text).isEmpty());
  }

  @Test
  void checks_cards_with_luhn_and_ibans_with_mod_97() {
    // Luhn examples from ISO/IEC 7812 test numbers; IBAN examples from the ISO 13616 registry.
    assertThat(PiiScanner.luhnValid("4012888888881881")).isTrue();
    assertThat(PiiScanner.luhnValid("4012888888881882")).isFalse();
    assertThat(PiiScanner.ibanValid("FR1420041010050500013M02606")).isTrue();
    assertThat(PiiScanner.ibanValid("FR1420041010050500013M02607")).isFalse();
  }

  @Test
  void redacts_with_typed_placeholders_consistent_within_a_conversation() {
    Redactor redactor = new Redactor(scanner);

    String first = redactor.redact("Write to jane.doe@example.com or bob@example.org, card 4111 1111 1111 1111.");
    String second = redactor.redact("Again: JANE.DOE@example.com, card 4111-1111-1111-1111.");

    assertThat(first).isEqualTo("Write to [EMAIL_1] or [EMAIL_2], card [CARD_1].");
    assertThat(second).isEqualTo("Again: [EMAIL_1], card [CARD_1].");
    assertThat(new Redactor(scanner).redact("bob@example.org")).as("a new conversation starts at 1").isEqualTo("[EMAIL_1]");
  }
}
