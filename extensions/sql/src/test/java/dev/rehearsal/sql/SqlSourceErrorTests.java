package dev.rehearsal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.prefix.BadDataException;
import dev.rehearsal.prefix.PrefixSampler;
import dev.rehearsal.prefix.Sample;
import dev.rehearsal.spec.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlSourceErrorTests {

  @TempDir Path dir;

  private static final String RULES = "  sample: { size: 5, seed: 1 }\n";

  private Sample sample(String sql) throws IOException {
    return new PrefixSampler(Gates.prefixes(dir, "    format: turn-rows\n    sql: " + sql + "\n", RULES)).sample();
  }

  private void csv(String name, String text) throws IOException {
    Files.createDirectories(dir.resolve("logs"));
    Files.writeString(dir.resolve("logs").resolve(name), text);
  }

  @Test
  void an_empty_glob_names_the_glob_and_how_to_fix_it() {
    assertThatThrownBy(() -> sample("{ files: \"logs/*.parquet\" }"))
        .isInstanceOf(BadDataException.class)
        .hasMessageContaining("sql jdbc:duckdb over logs/*.parquet")
        .hasMessageContaining("matched no files")
        .hasMessageContaining("prefixes.source.sql.files");
  }

  @Test
  void a_missing_column_lists_the_table_s_columns_and_the_setting_that_renames_it() throws IOException {
    csv("a.csv", "conversation_id,turn_index,speaker,content\nc1,0,user,hi\n");

    assertThatThrownBy(() -> sample("{ files: \"logs/*.csv\" }"))
        .isInstanceOf(BadDataException.class)
        .hasMessageContaining("has no column 'role' (the role column)")
        .hasMessageContaining("speaker VARCHAR")
        .hasMessageContaining("prefixes.source.sql.columns.role");
  }

  @Test
  void a_text_turn_index_is_rejected_because_it_would_order_10_before_2() throws IOException {
    csv("a.csv", "conversation_id,turn_index,role,content\nc1,t0,user,hi\nc1,t1,assistant,hello\n");

    assertThatThrownBy(() -> sample("{ files: \"logs/*.csv\" }"))
        .isInstanceOf(BadDataException.class)
        .hasMessageContaining("column 'turn_index' is VARCHAR but the turn column must be an integer");
  }

  @Test
  void renamed_columns_are_read_through_the_columns_setting() throws IOException {
    csv("a.csv", "chat,pos,speaker,body\nc1,0,user,hi\nc1,1,assistant,hello\nc2,0,user,hey\nc2,1,assistant,yo\n");

    Sample s = sample("{ files: \"logs/*.csv\", columns: { conversation: chat, turn: pos, role: speaker, content: body } }");

    assertThat(s.prefixes()).extracting(p -> p.sampleId()).containsExactly("c1#u0", "c2#u0");
    assertThat(s.prefixes().get(0).loggedReply("logged").orElseThrow().text()).isEqualTo("hello");
  }

  @Test
  void rows_without_a_conversation_or_with_an_unknown_role_are_counted_as_bad_records() throws IOException {
    csv("a.csv", "conversation_id,turn_index,role,content\nc1,0,user,hi\nc1,1,assistant,hello\n,0,user,orphan\n"
        + "c2,0,narrator,once\n");

    Sample s = sample("{ files: \"logs/*.csv\" }");

    assertThat(s.report().badRecords()).isEqualTo(2);
    assertThat(s.report().lines()).isEqualTo(4);
    assertThat(s.report().problems()).singleElement().asString().contains("2 of 4 rows");
    assertThat(s.prefixes()).hasSize(1);
  }

  @Test
  void bad_rows_fail_the_draw_under_the_fail_policy() throws IOException {
    csv("a.csv", "conversation_id,turn_index,role,content\nc1,0,user,hi\nc1,1,assistant,hello\n,0,user,orphan\n");
    String rules = RULES + "  bad-records: { policy: fail }\n";

    assertThatThrownBy(() -> new PrefixSampler(Gates.prefixes(dir,
        "    format: turn-rows\n    sql: { files: \"logs/*.csv\" }\n", rules)).sample())
        .isInstanceOf(BadDataException.class)
        .hasMessageContaining("1 of 3 rows have no conversation id")
        .hasMessageContaining("bad-records.policy: skip");
  }

  @Test
  void a_time_window_is_refused_with_the_view_workaround() throws IOException {
    csv("a.csv", "conversation_id,turn_index,role,content,timestamp\nc1,0,user,hi,2026-11-01\n");
    String rules = "  eligible: { time-window: { field: timestamp, from: 2026-10-01 } }\n" + RULES;

    assertThatThrownBy(() -> new PrefixSampler(Gates.prefixes(dir,
        "    format: turn-rows\n    sql: { files: \"logs/*.csv\" }\n", rules)).sample())
        .isInstanceOf(BadDataException.class)
        .hasMessageContaining("time-window is not pushed down yet")
        .hasMessageContaining("name it with 'from'");
  }

  @Test
  void an_unknown_engine_url_is_refused_naming_only_its_subprotocol() throws IOException {
    String source = "    format: turn-rows\n    sql: { url: \"jdbc:oracle:thin:scott/tiger-secret@db\", from: turns }\n";

    assertThatThrownBy(() -> new PrefixSampler(Gates.prefixes(dir, source, RULES)).sample())
        .isInstanceOf(BadDataException.class)
        .hasMessageContaining("not jdbc:oracle")
        .hasMessageNotContaining("tiger-secret");
  }

  @Test
  void dedup_is_refused_for_the_sql_source_with_the_reason() {
    assertThatThrownBy(() -> Gates.prefixes(dir, "    format: turn-rows\n    sql: { files: \"logs/*.csv\" }\n",
        "  sample: { size: 5, seed: 1, dedup: true }\n"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("draws with 'key: md5' and without 'dedup'");
  }

  @Test
  void turn_rows_without_sql_and_sql_without_turn_rows_are_refused() {
    assertThatThrownBy(() -> Gates.prefixes(dir, "    format: openai-messages\n    sql: { files: \"logs/*.csv\" }\n", RULES))
        .isInstanceOf(SpecException.class).hasMessageContaining("set 'format: turn-rows'");
    assertThatThrownBy(() -> Gates.prefixes(dir, "    format: turn-rows\n    jdbc: { url: \"jdbc:duckdb:\", query: q, column: c }\n", RULES))
        .isInstanceOf(SpecException.class).hasMessageContaining("read by the 'sql' source only");
  }

  @Test
  void files_outside_the_project_are_refused() {
    assertThatThrownBy(() -> Gates.prefixes(dir, "    format: turn-rows\n    sql: { files: \"../elsewhere/*.parquet\" }\n", RULES))
        .isInstanceOf(SpecException.class).hasMessageContaining("resolve outside the project root");
  }
}
