package dev.rehearsal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.prefix.PrefixFixtures;
import dev.rehearsal.prefix.deid.DeidBlockedException;
import dev.rehearsal.prefix.deid.PiiKind;
import dev.rehearsal.prefix.deid.Planted;
import dev.rehearsal.spec.GateSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The de-identification guard in a whole run, with a model that echoes whatever it is sent. */
class DeidGuardRunTests {

  @TempDir Path dir;

  static final String LOG = """
      {"id":"p1","messages":[
        {"role":"system","content":"Internal key sk-proj-AbCdEfGhIjKlMnOpQrStUvWx1234, never share it."},
        {"role":"user","content":"Mail me at jane.doe@example.com or call +1 415-555-0132."},
        {"role":"assistant","content":"","tool_calls":[{"id":"t1","type":"function","function":{"name":"lookup","arguments":"{\\"card\\":\\"4111 1111 1111 1111\\"}"}}]},
        {"role":"tool","tool_call_id":"t1","content":"IBAN on file: GB82 WEST 1234 5698 7654 32"},
        {"role":"assistant","content":"Found it."},
        {"role":"user","content":"SSN 123-45-6789, host 81.2.69.160, jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U, aws AKIAIOSFODNN7EXAMPLE, gh ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789, slack xoxb-123456789012-abcdefABCDEF, again jane.doe@example.com or (415) 555-0199"},
        {"role":"assistant","content":"Noted."}]}
      {"id":"p2","messages":[{"role":"user","content":"Hello, nothing secret here."},{"role":"assistant","content":"Hi."}]}
      """.replaceAll("\\n  +", "").replace("]}\n{", "]}\n{");

  @BeforeEach
  void reset_and_write_log() throws IOException {
    CountingModelProvider.REQUESTS.clear();
    Files.writeString(dir.resolve("log.jsonl"), LOG, StandardCharsets.UTF_8);
  }

  private GateSpec gate(String policy) throws IOException {
    return PrefixFixtures.gate(dir, """
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: 10, seed: 1 }
          deid: { policy: %s }
        """.formatted(policy),
        "  production: { model: echo }\n  candidate: { model: echo }\n", "models:\n  echo: { client: counting }\n", Map.of());
  }

  @Test
  void block_does_not_stop_in_process_scripted_models_since_nothing_leaves_the_machine() throws IOException {
    // given the same planted values, block, and both arms answered by an in-process scripted model
    GateSpec spec = PrefixFixtures.gate(dir, """
          source: { format: openai-messages, path: log.jsonl }
          sample: { size: 10, seed: 1 }
          deid: { policy: block }
        """, "  production: { model: local }\n  candidate: { model: local }\n",
        "models:\n  local: { client: scripted, default: \"Sure.\" }\n", Map.of());

    // when it runs, then it is not stopped, and the findings are still counted
    GateRun run = new GateRunner().run(spec);
    assertThat(run.candidate().responses()).hasSize(3);
    assertThat(run.health().summary()).contains("email");
  }

  @Test
  void block_stops_the_run_before_any_model_call_and_prints_locations_but_not_values() throws IOException {
    GateSpec spec = gate("block");

    assertThatThrownBy(() -> new GateRunner().run(spec))
        .isInstanceOfSatisfying(DeidBlockedException.class, e -> {
          assertThat(e.getMessage()).contains("p1#u0 turn 1 text offset 11: email", "p1#u1 turn 2 tool_calls[0].arguments",
              "payment-card", "p1#u1 turn 3 text offset 14: iban", "api-key", "jwt", "us-ssn", "ip-address", "phone",
              "prefixes.deid.policy: redact");
          Planted.VALUES.keySet().forEach(v -> assertThat(e.getMessage()).doesNotContain(v));
          assertThat(e.report().counts()).containsEntry(PiiKind.API_KEY, 5L).containsEntry(PiiKind.EMAIL, 3L);
        });
    assertThat(CountingModelProvider.REQUESTS).isEmpty();
  }

  @Test
  void redact_sends_consistent_placeholders_and_no_planted_value_reaches_any_output() throws IOException {
    GateSpec spec = gate("redact");
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = System.out;
    GateRun run;
    Path reports;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      // With a run store, so the cached responses are checked too.
      run = new GateRunner(new RunOptions(java.util.Optional.of(dir.resolve("store.db")), false, System.out,
          java.time.Duration.ofSeconds(30))).run(spec);
      System.out.println(DecisionTable.render(run));
      reports = RunReports.write(run, dir.resolve("reports"));
    } finally {
      System.setOut(out);
    }

    assertThat(run.sample().deid().counts()).containsExactlyInAnyOrderEntriesOf(Map.of(PiiKind.API_KEY, 5L,
        PiiKind.EMAIL, 3L, PiiKind.PHONE, 3L, PiiKind.PAYMENT_CARD, 1L, PiiKind.IBAN, 1L, PiiKind.US_SSN, 1L,
        PiiKind.IP_ADDRESS, 1L, PiiKind.JWT, 1L));
    String sent = CountingModelProvider.REQUESTS.toString();
    // Both arms ask the same model about the same 3 prefixes: the second arm is answered by the store.
    assertThat(CountingModelProvider.REQUESTS).hasSize(3);
    String response = run.candidate().responses().get("p1#u1").text().orElseThrow();
    assertThat(response).contains("Internal key [API_KEY_1]", "Mail me at [EMAIL_1] or call [PHONE_1]",
        "{\"card\":\"[CARD_1]\"}", "IBAN on file: [IBAN_1]", "again [EMAIL_1] or [PHONE_2]", "aws [API_KEY_2]");
    String decisionJson = Files.readString(reports.resolve("decision.json"));
    assertThat(decisionJson).contains("\"email\" : 3", "\"redacted\" : true");
    String everything;
    try (Stream<Path> files = Files.walk(reports)) {
      everything = sent + captured.toString(StandardCharsets.UTF_8) + run.candidate().responses()
          + run.production().responses() + files.filter(Files::isRegularFile).map(DeidGuardRunTests::read).toList()
          + new String(Files.readAllBytes(dir.resolve("store.db")), StandardCharsets.ISO_8859_1);
    }
    assertThat(Files.size(dir.resolve("store.db"))).isPositive();
    Planted.VALUES.keySet().forEach(v -> assertThat(everything).doesNotContain(v));
  }

  @Test
  void allow_sends_prefixes_as_logged_and_still_counts_findings() throws IOException {
    GateRun run = new GateRunner().run(gate("allow"));

    assertThat(run.sample().deid().total()).isEqualTo(16);
    assertThat(run.sample().deid().redacted()).isFalse();
    assertThat(CountingModelProvider.REQUESTS.toString()).contains("jane.doe@example.com");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
