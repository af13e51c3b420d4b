package dev.rehearsal.sql.spark;

import dev.rehearsal.sql.SqlDialect;
import dev.rehearsal.sql.SqlEngine;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.jspecify.annotations.Nullable;

/** The generated SQL on a Spark session (local mode here; the same engine as on a cluster). */
final class SparkEngine implements SqlEngine {

  private final SparkSession spark;

  SparkEngine(SparkSession spark) {
    this.spark = spark;
  }

  @Override
  public SqlDialect dialect() {
    return SqlDialect.SPARK;
  }

  @Override
  public List<Column> columns(String relation) {
    List<Column> out = new ArrayList<>();
    for (StructField f : spark.sql("SELECT * FROM " + relation + " src LIMIT 0").schema().fields()) {
      out.add(new Column(f.name(), kind(f.dataType()), f.dataType().simpleString()));
    }
    return out;
  }

  private static Kind kind(DataType t) {
    if (t.equals(DataTypes.StringType)) {
      return Kind.TEXT;
    }
    return t.equals(DataTypes.LongType) || t.equals(DataTypes.IntegerType) || t.equals(DataTypes.ShortType)
        || t.equals(DataTypes.ByteType) ? Kind.INTEGER : Kind.OTHER;
  }

  @Override
  public List<List<@Nullable Object>> rows(String sql) {
    List<List<@Nullable Object>> out = new ArrayList<>();
    for (Row r : spark.sql(sql).collectAsList()) {
      List<@Nullable Object> row = new ArrayList<>(r.size());
      for (int i = 0; i < r.size(); i++) {
        row.add(r.get(i));
      }
      out.add(row);
    }
    return out;
  }

  @Override
  public void close() {
    // The session belongs to the test.
  }
}
