package dev.rehearsal.run.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.model.ModelReply;
import dev.rehearsal.postgres.CreateStore;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Credentials from the environment only, and a gate role with row rights only on a prepared schema. */
class PostgresAccessTests {

  private PostgresFixture store;

  @BeforeEach
  void newStore() throws Exception {
    store = new PostgresFixture();
  }

  @AfterEach
  void dropStore() throws Exception {
    store.close();
  }

  @Test
  void a_gate_role_with_only_row_rights_uses_a_store_the_owner_prepared() throws Exception {
    // given the tables made by CreateStore's work as the owner, and a role that may only use rows
    try (RunStore owner = store.open()) {
      new LabelTable(owner);
    }
    String role = "gate_" + store.url().replaceAll(".*currentSchema=t_", "");
    String schema = "t_" + store.url().replaceAll(".*currentSchema=t_", "");
    try (Connection c = store.raw(); Statement s = c.createStatement()) {
      s.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'gate-secret-31'");
      s.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + role);
      s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + role);
    }
    try {
      // when a gate runs as that role, then it reads and writes without creating anything
      Map<String, String> env = Map.of(RunStore.USER_ENV, role, RunStore.PASSWORD_ENV, "gate-secret-31");
      try (RunStore gate = RunStore.open(StoreLocation.jdbc(store.url()), env::get)) {
        new LabelTable(gate);
        gate.responses().put("k".repeat(64), "m", ModelReply.text("hello"));
        assertThat(gate.responses().get("k".repeat(64))).map(ModelReply::text).contains("hello");
      }
    } finally {
      try (Connection c = store.raw(); Statement s = c.createStatement()) {
        s.execute("DROP OWNED BY " + role);
        s.execute("DROP ROLE " + role);
      }
    }
  }

  @Test
  void a_wrong_password_fails_with_the_url_and_without_the_password() {
    Map<String, String> env = Map.of(RunStore.USER_ENV, "rehearsal", RunStore.PASSWORD_ENV, "not-the-password-77");
    assertThatThrownBy(() -> RunStore.open(StoreLocation.jdbc(store.url()), env::get))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("Cannot open the run store " + store.url())
        .hasMessageContaining("REHEARSAL_STORE_USER/REHEARSAL_STORE_PASSWORD")
        .message().doesNotContain("not-the-password-77");
  }

  @Test
  void create_store_prepares_every_table_a_gate_run_uses() throws Exception {
    // CreateStore reads the credentials from the environment, which Surefire sets for this module
    CreateStore.main(new String[] {store.url()});
    assertThat(store.tables()).contains("claims", "responses", "grades", "items", "labels", "review_items");
  }
}
