package dev.rehearsal.prefix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.run.CategoryResult;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.run.GateRunner;
import dev.rehearsal.spec.GateSpec;
import dev.rehearsal.spec.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 5: the multi-reply format holds several logged replies per prefix, one per named
 * model, with metadata, so two logged models are compared by segment as two replay arms of one file
 * (fixture multi-reply.jsonl: model-a refuses 1 of 10, model-b 5; 3 en and 2 de).
 */
class MultiReplyFormatTests {

  @TempDir Path dir;

  private GateSpec gate(String production, String candidate) throws IOException {
    return PrefixFixtures.gate(dir, """
          source: { format: multi-reply, path: multi-reply.jsonl }
          sample: { size: 10, seed: 1 }
          segments:
            - { by: metadata.locale, values: [en, de] }
        """, "  production: { replay: %s }\n  candidate: { replay: %s }\n".formatted(production,
        candidate), "", Map.of());
  }

  @Test
  void two_replay_arms_from_one_file_compare_the_logged_models_by_segment() throws IOException {
    PrefixFixtures.fixture(dir, "multi-reply.jsonl");

    GateRun run = new GateRunner().run(gate("model-a", "model-b"));

    // every record's last user turn is sampled; the 2 earlier context turns are not eligible
    assertThat(run.sample().prefixes()).hasSize(10);
    assertThat(run.sample().report().rejected()).containsEntry("multi-reply-context-turn", 2L);
    assertThat(run.production().errorCount()).isZero();
    assertThat(run.candidate().errorCount()).isZero();
    CategoryResult refusal = run.categories().get("refusal");
    assertThat(refusal.production().get(GateRun.OVERALL).k()).isEqualTo(1);
    assertThat(refusal.candidate().get(GateRun.OVERALL).k()).isEqualTo(5);
    assertThat(refusal.candidate().get("locale-en").k()).isEqualTo(3);
    assertThat(refusal.candidate().get("locale-en").n()).isEqualTo(6);
    assertThat(refusal.candidate().get("locale-de").k()).isEqualTo(2);
    assertThat(run.production().description()).isEqualTo("replay:model-a");
  }

  @Test
  void replaying_a_model_the_file_has_no_replies_for_is_a_spec_error_at_the_arm() throws IOException {
    PrefixFixtures.fixture(dir, "multi-reply.jsonl");

    assertThatThrownBy(() -> gate("model-a", "model-c"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("test.gate.yaml:")
        .hasMessageContaining("Arm 'candidate' replays 'model-c', but the multi-reply file"
            + " multi-reply.jsonl has replies for [model-a, model-b]");
  }

  @Test
  void a_bad_reply_is_a_bad_record_naming_file_line_and_column() throws IOException {
    Files.writeString(dir.resolve("multi-reply.jsonl"), """
        {"id":"ok","messages":[{"role":"user","content":"hi"}],"replies":{"model-a":"Hello.","model-b":"Hi."}}
        {"id":"bad","messages":[{"role":"user","content":"hi"}],"replies":{"model-a":"Hello.","model-b":7}}
        {"id":"ends-with-reply","messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"x"}],"replies":{"model-a":"y"}}
        """);

    Sample s = new PrefixSampler(PrefixFixtures.gate(dir, """
          source: { format: multi-reply, path: multi-reply.jsonl }
          sample: { size: 10, seed: 1 }
          bad-records: { policy: skip }
        """, "  production: { replay: model-a }\n  candidate: { replay: model-b }\n", "", Map.of())
        .prefixes()).sample();

    assertThat(s.prefixes()).hasSize(1);
    assertThat(s.report().problems()).hasSize(2);
    assertThat(s.report().problems().get(0)).endsWith("multi-reply.jsonl:2: replies.model-b must be a"
        + " string (the reply text) or null, was number (at column 87); fix or remove the record");
    assertThat(s.report().problems().get(1)).endsWith("multi-reply.jsonl:3: 'messages' must end with"
        + " the user turn the replies answer (at column 25); put the replies under 'replies', not in"
        + " 'messages'; fix or remove the record");
  }
}
