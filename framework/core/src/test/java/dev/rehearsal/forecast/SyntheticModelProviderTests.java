package dev.rehearsal.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.conversation.Role;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.model.ModelClient;
import dev.rehearsal.model.ModelConfig;
import dev.rehearsal.model.ModelRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyntheticModelProviderTests {

  private final ModelClient model = new SyntheticModelProvider().create(new ModelConfig("m", "synthetic", Map.<String, Object>of(
      "seed", "7", "markers", Map.of("calc", "CALC"), "rates", Map.of("calc", Map.of("coding", "0.3", "default", "0.05"))),
      Optional.empty()));

  @Test
  void emits_each_marker_at_its_segment_rate() {
    // 20,000 draws at p = 0.3 and 0.05: four standard errors are 0.013 and 0.0062.
    assertThat(share("[coding] q")).isCloseTo(0.3, org.assertj.core.api.Assertions.within(0.013));
    assertThat(share("plain q")).isCloseTo(0.05, org.assertj.core.api.Assertions.within(0.0062));
  }

  @Test
  void the_same_sample_key_gets_the_same_reply() {
    assertThat(reply("[coding] q", "k1")).isEqualTo(reply("[coding] other words", "k1"));
  }

  @Test
  void rejects_rates_for_a_category_without_a_marker() {
    assertThatThrownBy(() -> new SyntheticModelProvider().create(new ModelConfig("m", "synthetic",
        Map.<String, Object>of("markers", Map.of(), "rates", Map.of("calc", Map.of("default", "0.1"))), Optional.empty())))
        .hasMessage("'rates' names category 'calc' that has no entry under 'markers'");
  }

  private double share(String prompt) {
    int n = 20_000;
    int hits = 0;
    for (int i = 0; i < n; i++) {
      hits += reply(prompt, "s" + i).contains("CALC") ? 1 : 0;
    }
    return hits / (double) n;
  }

  private String reply(String prompt, String key) {
    ModelRequest r = new ModelRequest(List.of(new Turn(Role.USER, prompt, List.of(), Optional.empty(), false)),
        Map.of(), Map.of(), key);
    return model.complete(r).join().text();
  }
}
