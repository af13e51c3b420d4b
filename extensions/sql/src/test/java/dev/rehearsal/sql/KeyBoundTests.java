package dev.rehearsal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.prefix.Md5Key;
import org.junit.jupiter.api.Test;

class KeyBoundTests {

  @Test
  void bound_is_the_key_at_that_fraction_of_the_15_hex_digit_range() {
    // Half the range, 2^59, in double precision (the bound only has to be roughly right: it only prunes).
    assertThat(KeyBound.hex(0.5)).isEqualTo("800000000000000");
    assertThat(KeyBound.hex(1.0)).isEqualTo("fffffffffffffff").hasSize(Md5Key.HEX_DIGITS);
    assertThat(KeyBound.hex(1e-6)).hasSize(Md5Key.HEX_DIGITS).startsWith("000010c6f7a0b5");
  }

  @Test
  void a_bound_that_keeps_too_few_candidates_is_detected_so_the_sampler_ranks_all() {
    SampleRows rows = SampleRows.read(java.util.List.of(
        java.util.Arrays.asList("p", "c1", 0L, "a", "00", null), java.util.Arrays.asList("t", "c1", 1L, "user", "hi", null)),
        java.util.List.of("plan"));

    assertThat(rows.fills(java.util.Map.of("a", 1))).isTrue();
    assertThat(rows.fills(java.util.Map.of("a", 2))).isFalse();
    assertThat(rows.fills(java.util.Map.of("a", 1, "b", 1))).isFalse();
  }
}
