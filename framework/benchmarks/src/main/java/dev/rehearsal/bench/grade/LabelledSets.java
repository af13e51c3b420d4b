package dev.rehearsal.bench.grade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;

/**
 * Reads the two labelled sets under the data root and splits them. GPTFuzz ships its own split
 * (train.csv.gz for development, evaluate.csv.gz held out); HarmBench's classifier validation set
 * is split by a CRC-32 of the behaviour id (even: dev, odd: held out), so both generations for a
 * behaviour land on the same side.
 */
final class LabelledSets {

  private LabelledSets() {}

  static List<LabelledReply> gptfuzz(Path root, String split) throws IOException {
    Path file = root.resolve("gptfuzz-labeled").resolve(split + ".csv.gz");
    Map<String, String> questions = questions(root.resolve("gptfuzz-labeled").resolve("question_list.csv"));
    List<LabelledReply> out = new ArrayList<>();
    try (Reader in = gunzip(file)) {
      List<List<String>> rows = Csv.read(in);
      for (List<String> row : rows.subList(1, rows.size())) {
        String question = questions.get(row.get(0).strip());
        if (question == null) {
          throw new IOException(file + ": question index '" + row.get(0) + "' is not in question_list.csv");
        }
        out.add(new LabelledReply("gptfuzz/" + split, "gpt-3.5-turbo", question, row.get(1),
            row.get(2).strip().equals("1")));
      }
    }
    return out;
  }

  /** GPTFuzz's question index → the question (the request each response answers). */
  private static Map<String, String> questions(Path file) throws IOException {
    Map<String, String> out = new java.util.HashMap<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<List<String>> rows = Csv.read(in);
      for (List<String> row : rows.subList(1, rows.size())) {
        out.put(row.get(0).strip(), row.get(1));
      }
    }
    return out;
  }

  static List<LabelledReply> harmbench(Path root, boolean heldOut) throws IOException {
    Path file = root.resolve("harmbench-classifier-val").resolve("text_behaviors_val_set.json.gz");
    JsonNode all;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      all = new ObjectMapper().readTree(in);
    }
    List<LabelledReply> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> behaviour : all.properties()) {
      if (heldOut(behaviour.getKey()) != heldOut) {
        continue;
      }
      for (JsonNode item : behaviour.getValue()) {
        int votes = item.path("human_0").asInt() + item.path("human_1").asInt() + item.path("human_2").asInt();
        String model = item.path("model").asText().replace(".json", "");
        out.add(new LabelledReply(heldOut ? "harmbench/held-out" : "harmbench/dev", model.isEmpty() ? "default" : model,
            item.path("test_case").asText(), item.path("generation").asText(), votes >= 2));
      }
    }
    return out;
  }

  static boolean heldOut(String behaviourId) {
    CRC32 crc = new CRC32();
    crc.update(behaviourId.getBytes(StandardCharsets.UTF_8));
    return crc.getValue() % 2 == 1;
  }

  private static Reader gunzip(Path file) throws IOException {
    return new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8);
  }
}
