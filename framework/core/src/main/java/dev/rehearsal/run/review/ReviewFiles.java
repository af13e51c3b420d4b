package dev.rehearsal.run.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a review sample as labelling files: {@code review.jsonl}, {@code review.csv}, Label Studio
 * tasks ({@code review.label-studio.json}, a JSON array of {@code {"data": {...}}}) and a Label
 * Studio labelling config ({@code review.label-studio.xml}). None names the arm.
 */
final class ReviewFiles {

  static final String JSONL = "review.jsonl";
  static final String CSV = "review.csv";
  static final String LABEL_STUDIO = "review.label-studio.json";
  static final String LABEL_STUDIO_CONFIG = "review.label-studio.xml";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReviewFiles() {}

  static void write(List<ReviewItem> items, Path dir) throws IOException {
    Files.createDirectories(dir);
    try (Writer jsonl = Files.newBufferedWriter(dir.resolve(JSONL), StandardCharsets.UTF_8);
        Writer csv = Files.newBufferedWriter(dir.resolve(CSV), StandardCharsets.UTF_8)) {
      csv.write("item,category,question,conversation,response,label,reviewer\r\n");
      for (ReviewItem item : items) {
        ObjectNode line = data(item).putNull("label").putNull("reviewer");
        jsonl.write(JSON.writeValueAsString(line) + "\n");
        csv.write(String.join(",", Csv.quote(item.key().itemId()), Csv.quote(item.key().category()),
            Csv.quote(item.question()), Csv.quote(item.conversation()), Csv.quote(item.response()), "", "") + "\r\n");
      }
    }
    ArrayNode tasks = JSON.createArrayNode();
    items.forEach(item -> tasks.addObject().set("data", data(item)));
    JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(LABEL_STUDIO).toFile(), tasks);
    Files.writeString(dir.resolve(LABEL_STUDIO_CONFIG), CONFIG);
  }

  private static ObjectNode data(ReviewItem item) {
    return JSON.createObjectNode().put("item", item.key().itemId()).put("category", item.key().category())
        .put("question", item.question()).put("conversation", item.conversation()).put("response", item.response());
  }

  /** Label Studio labelling config: one yes/no choice named {@code label} per task. */
  static final String CONFIG = """
      <View>
        <Header value="$category"/>
        <Text name="question" value="$question"/>
        <Text name="conversation" value="$conversation"/>
        <Text name="response" value="$response"/>
        <Choices name="label" toName="response" choice="single" required="true">
          <Choice value="yes"/>
          <Choice value="no"/>
        </Choices>
      </View>
      """;
}
