package dev.rehearsal.prefix.deid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses that name nobody and numbers no issuer hands out are not personal data (issue 15). */
class DeidRangesTests {

  private final PiiScanner scanner = new PiiScanner();

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.9", "172.31.255.1", "192.168.1.20", "169.254.3.4",
      "192.0.2.15", "198.51.100.7", "203.0.113.200", "0.0.0.0", "::1", "fe80::1", "fd12:3456::1", "2001:db8::8"})
  void loopback_private_link_local_and_documentation_addresses_are_not_flagged(String address) {
    assertThat(scanner.scan("connect to " + address + " please")).noneMatch(f -> f.kind() == PiiKind.IP_ADDRESS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.8", "172.32.0.1", "81.2.69.160", "2a00:1450:4001:82a::200e"})
  void public_addresses_are_flagged(String address) {
    assertThat(scanner.scan("my address is " + address + " today")).anyMatch(f -> f.kind() == PiiKind.IP_ADDRESS);
  }

  @ParameterizedTest
  // Test numbers the networks publish for integration testing (Visa, Mastercard 5- and 2-series, Amex,
  // Discover, JCB, Diners): valid issuer prefix, length and Luhn.
  @ValueSource(strings = {"4111 1111 1111 1111", "5555555555554444", "2223003122003222", "378282246310005",
      "6011111111111117", "3530111333300000", "30569309025904"})
  void numbers_with_an_issuer_prefix_a_valid_length_and_luhn_are_cards(String card) {
    assertThat(scanner.scan("card " + card + " thanks")).anyMatch(f -> f.kind() == PiiKind.PAYMENT_CARD);
  }

  @ParameterizedTest
  // 1602176634000002: the elementary charge's digits (1.602176634e-19 C) plus a Luhn digit; no issuer
  // starts with 1. 9999999999999995: no network uses 9. 3782822463100052: an Amex prefix, but 16 digits.
  @ValueSource(strings = {"1602176634000002", "9999999999999995", "3782822463100052"})
  void luhn_valid_numbers_without_an_issuer_prefix_or_length_are_not_cards(String number) {
    assertThat(PiiScanner.luhnValid(number)).as("Luhn alone would call it a card").isTrue();
    assertThat(scanner.scan("value " + number + " here")).noneMatch(f -> f.kind() == PiiKind.PAYMENT_CARD);
  }
}
