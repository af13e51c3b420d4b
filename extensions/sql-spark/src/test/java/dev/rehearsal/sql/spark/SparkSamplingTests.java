package dev.rehearsal.sql.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.prefix.PrefixSampler;
import dev.rehearsal.prefix.Sample;
import dev.rehearsal.sql.Gates;
import dev.rehearsal.sql.SameSample;
import dev.rehearsal.sql.SqlSampler;
import dev.rehearsal.sql.TurnLog;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same generated SQL on Apache Spark in local mode, over the turn rows as JSON-lines files. */
class SparkSamplingTests {

  private static SparkSession spark;
  private static final TurnLog LOG = TurnLog.generate(800, 7);

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2]").appName("rehearsal-sql-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        // Small data: compiling generated code for each stage costs more than interpreting it.
        .config("spark.sql.codegen.wholeStage", "false")
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void stratified_sample_on_spark_equals_the_streaming_sample_and_counts() throws Exception {
    LOG.writeTurnRows(dir, "turns", 3);
    spark.read().json(dir.resolve("turns-*.jsonl").toString()).createOrReplaceTempView("chat_turns");
    LOG.writeMessages(dir.resolve("messages.jsonl"));
    SqlEngineSpec spec = new SqlEngineSpec(dir);

    Sample pushed = new SqlSampler(spec.pushed(), new SparkEngine(spark)).sample();

    Sample streamed = new PrefixSampler(spec.streamed()).sample();
    SameSample.assertSame(pushed, streamed);
    assertThat(pushed.report().file()).isEqualTo("sql jdbc:hive2 over chat_turns");
  }

  /** The two prefixes sections of the test: the same rules over the table and over the JSON-lines log. */
  private record SqlEngineSpec(Path dir) {
    dev.rehearsal.spec.PrefixSpec pushed() throws java.io.IOException {
      return Gates.prefixes(dir, "    format: turn-rows\n    sql: { url: \"jdbc:hive2://127.0.0.1:10000/\", from: chat_turns }\n",
          Gates.RULES);
    }

    dev.rehearsal.spec.PrefixSpec streamed() throws java.io.IOException {
      return Gates.prefixes(dir, "    format: openai-messages\n    path: messages.jsonl\n", Gates.RULES);
    }
  }
}
