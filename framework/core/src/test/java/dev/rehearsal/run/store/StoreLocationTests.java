package dev.rehearsal.run.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which store rehearsal.store names, and the errors a wrong one gets. */
class StoreLocationTests {

  @Test
  void a_jdbc_url_names_a_database_store_and_anything_else_a_file() {
    assertThat(StoreLocation.parse("jdbc:postgresql://127.0.0.1:5432/rehearsal").url())
        .contains("jdbc:postgresql://127.0.0.1:5432/rehearsal");
    assertThat(StoreLocation.parse("build/store.db").file()).contains(Path.of("build/store.db").toAbsolutePath());
  }

  @Test
  void a_url_with_a_password_is_refused_without_echoing_it() {
    for (String url : new String[] {"jdbc:postgresql://127.0.0.1/db?user=u&password=hunter2",
        "jdbc:postgresql://u:hunter2@127.0.0.1/db", "jdbc:postgresql://127.0.0.1/db?ssl=true&PASSWORD=hunter2"}) {
      assertThatThrownBy(() -> StoreLocation.parse(url)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("REHEARSAL_STORE_USER and REHEARSAL_STORE_PASSWORD")
          .message().doesNotContain("hunter2");
    }
  }

  @Test
  void a_postgresql_url_without_the_driver_names_the_artifact_to_add() {
    // rehearsal-core's tests run without the PostgreSQL driver, as a gate without rehearsal-postgres would
    assertThatThrownBy(() -> RunStore.open(StoreLocation.jdbc("jdbc:postgresql://127.0.0.1:1/rehearsal")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("No JDBC driver on the class path accepts the run store URL"
            + " jdbc:postgresql://127.0.0.1:1/rehearsal")
        .hasMessageContaining("dev.rehearsal:rehearsal-postgres");
  }
}
