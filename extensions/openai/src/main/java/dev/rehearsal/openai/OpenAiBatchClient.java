package dev.rehearsal.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.batch.BatchClient;
import dev.rehearsal.model.batch.BatchEntry;
import dev.rehearsal.model.batch.BatchOutcome;
import dev.rehearsal.model.batch.BatchStatus;
import dev.rehearsal.model.runtime.ModelIds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The OpenAI Batch API: the requests go up as one JSONL file ({@code POST /files}, purpose
 * {@code batch}), a batch is created on it ({@code POST /batches}, endpoint
 * {@code /v1/chat/completions}, completion window {@code 24h}), polled ({@code GET /batches/{id}}),
 * and its output and error files are read ({@code GET /files/{id}/content}), each line carrying the
 * {@code custom_id} and either {@code response {status_code, body}} or {@code error {code, message}}.
 * Request bodies are the synchronous client's, so both modes send the same request.
 */
final class OpenAiBatchClient implements BatchClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Terminal statuses of the documented set (validating, in_progress, finalizing, cancelling run on). */
  static final Set<String> ENDED = Set.of("completed", "failed", "expired", "cancelled");
  static final String METADATA_KEY = "rehearsal_submission";

  private final OpenAiSettings settings;
  private final ChatCompletionsCodec codec;
  private final BatchHttp http;

  OpenAiBatchClient(OpenAiSettings settings) {
    this.settings = settings;
    // A batch line is one whole reply, never a stream of events.
    this.codec = new ChatCompletionsCodec(JSON, "POST " + settings.endpoint.getPath(), false);
    this.http = new BatchHttp(settings.timeout, settings.authHeader, settings.apiKey.map(settings::authValue),
        "check that environment variable '" + settings.apiKeyEnv + "' (api-key-env) holds a valid key");
  }

  @Override
  public String modelId() {
    return ModelIds.of("openai", settings.model, settings.endpoint);
  }

  @Override
  public String submit(String submission, List<BatchEntry> entries) {
    String fileId = upload(jsonl(entries));
    ObjectNode body = JSON.createObjectNode().put("input_file_id", fileId)
        .put("endpoint", "/v1/chat/completions").put("completion_window", "24h");
    body.putObject("metadata").put(METADATA_KEY, submission);
    return read(http.post(uri("/batches"), "application/json", bytes(body))).path("id").asText();
  }

  @Override
  public BatchStatus status(String batchId) {
    JsonNode batch = batch(batchId);
    String status = batch.path("status").asText("unknown");
    JsonNode counts = batch.path("request_counts");
    return new BatchStatus(ENDED.contains(status), status, counts.path("total").asLong(),
        counts.path("completed").asLong(), counts.path("failed").asLong());
  }

  @Override
  public List<BatchOutcome> results(String batchId) {
    JsonNode batch = batch(batchId);
    List<BatchOutcome> out = new ArrayList<>();
    for (String file : List.of("output_file_id", "error_file_id")) {
      String id = batch.path(file).asText("");
      if (!id.isEmpty()) {
        lines(http.get(uri("/files/" + id + "/content")), out);
      }
    }
    return out;
  }

  /** Lists recent batches and finds the one whose metadata names {@code submission}. */
  @Override
  public Optional<String> find(String submission) {
    for (JsonNode b : read(http.get(uri("/batches", "limit=100"))).path("data")) {
      if (submission.equals(b.path("metadata").path(METADATA_KEY).asText())) {
        return Optional.of(b.path("id").asText());
      }
    }
    return Optional.empty();
  }

  private JsonNode batch(String batchId) {
    return read(http.get(uri("/batches/" + batchId)));
  }

  private byte[] jsonl(List<BatchEntry> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(entries.size() * 512);
    for (BatchEntry e : entries) {
      // custom_id is a hex cache key: no escaping needed; the body is the synchronous request's JSON.
      out.writeBytes(("{\"custom_id\":\"" + e.customId() + "\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\","
          + "\"body\":").getBytes(StandardCharsets.UTF_8));
      out.writeBytes(codec.encode(settings.model, e.request(), settings.sampling));
      out.writeBytes("}\n".getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  /** {@code POST /files} as multipart/form-data: {@code purpose=batch} and the JSONL file. */
  private String upload(byte[] jsonl) {
    String boundary = "rehearsal-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream(jsonl.length + 512);
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"batch.jsonl\"\r\n"
        + "Content-Type: application/jsonl\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(jsonl);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return read(http.post(uri("/files"), "multipart/form-data; boundary=" + boundary, body.toByteArray()))
        .path("id").asText();
  }

  private void lines(byte[] file, List<BatchOutcome> out) {
    int start = 0;
    for (int i = 0; i <= file.length; i++) {
      if (i == file.length || file[i] == '\n') {
        if (i > start) {
          out.add(OpenAiBatchLines.outcome(codec, JSON, file, start, i - start));
        }
        start = i + 1;
      }
    }
  }

  private URI uri(String path, String... query) {
    String q = settings.query.isEmpty() ? "" : settings.query.substring(1);
    for (String extra : query) {
      q = q.isEmpty() ? extra : q + "&" + extra;
    }
    return URI.create(settings.base + path + (q.isEmpty() ? "" : "?" + q));
  }

  private static JsonNode read(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new ModelException(ModelException.Kind.MALFORMED, "The batch endpoint answered with malformed JSON");
    }
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "OpenAiBatchClient[" + modelId() + "]";
  }

}
