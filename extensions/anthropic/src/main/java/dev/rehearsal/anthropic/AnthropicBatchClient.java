package dev.rehearsal.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.batch.BatchClient;
import dev.rehearsal.model.batch.BatchEntry;
import dev.rehearsal.model.batch.BatchOutcome;
import dev.rehearsal.model.batch.BatchStatus;
import dev.rehearsal.model.runtime.HttpFailures;
import dev.rehearsal.model.runtime.ModelIds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Anthropic Message Batches: {@code POST /v1/messages/batches} with {@code requests: [{custom_id,
 * params}]} (params are the synchronous Messages request), {@code GET /v1/messages/batches/{id}}
 * with {@code processing_status} in_progress, canceling or ended and {@code request_counts}, and,
 * once ended, the JSONL at {@code results_url}: one {@code {custom_id, result: {type: succeeded |
 * errored | canceled | expired, message | error}}} per request.
 */
final class AnthropicBatchClient implements BatchClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AnthropicSettings settings;
  private final MessagesCodec codec;
  private final HttpClient http;

  AnthropicBatchClient(AnthropicSettings settings) {
    this.settings = settings;
    this.codec = new MessagesCodec(JSON, "POST " + settings.endpoint.getPath());
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.timeout.compareTo(Duration.ofSeconds(10)) < 0 ? settings.timeout
            : Duration.ofSeconds(10)).build();
  }

  @Override
  public String modelId() {
    return ModelIds.of("anthropic", settings.model, settings.endpoint);
  }

  /** Anthropic batches carry no metadata, so {@link #find} cannot recover one; {@code submission} is unused. */
  @Override
  public String submit(String submission, List<BatchEntry> entries) {
    ByteArrayOutputStream body = new ByteArrayOutputStream(entries.size() * 512);
    body.writeBytes("{\"requests\":[".getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < entries.size(); i++) {
      BatchEntry e = entries.get(i);
      body.writeBytes(((i == 0 ? "" : ",") + "{\"custom_id\":\"" + e.customId() + "\",\"params\":")
          .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(codec.encode(settings.model, e.request(), settings.sampling));
      body.writeBytes("}".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder post = request(URI.create(settings.base + "/messages/batches"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    return read(send(post, "POST /messages/batches")).path("id").asText();
  }

  @Override
  public BatchStatus status(String batchId) {
    JsonNode batch = batch(batchId);
    String status = batch.path("processing_status").asText("unknown");
    JsonNode c = batch.path("request_counts");
    long failed = c.path("errored").asLong() + c.path("canceled").asLong() + c.path("expired").asLong();
    long total = failed + c.path("succeeded").asLong() + c.path("processing").asLong();
    return new BatchStatus(status.equals("ended"), status, total, c.path("succeeded").asLong(), failed);
  }

  @Override
  public List<BatchOutcome> results(String batchId) {
    String url = batch(batchId).path("results_url").asText("");
    List<BatchOutcome> out = new ArrayList<>();
    if (url.isEmpty()) {
      return out;
    }
    byte[] file = send(request(URI.create(url)).GET(), "GET results_url");
    int start = 0;
    for (int i = 0; i <= file.length; i++) {
      if (i == file.length || file[i] == '\n') {
        if (i > start) {
          out.add(outcome(parse(file, start, i - start)));
        }
        start = i + 1;
      }
    }
    return out;
  }

  private BatchOutcome outcome(JsonNode line) {
    String id = line.path("custom_id").asText("");
    JsonNode result = line.path("result");
    String type = result.path("type").asText("");
    if (type.equals("succeeded")) {
      try {
        return BatchOutcome.succeeded(id, codec.decode(JSON.writeValueAsBytes(result.path("message")), Duration.ZERO));
      } catch (ModelException | IOException e) {
        return BatchOutcome.failed(id, "errored: malformed message in the batch results");
      }
    }
    if (type.equals("errored")) {
      JsonNode error = result.path("error").path("error").isObject() ? result.path("error").path("error")
          : result.path("error");
      return BatchOutcome.failed(id, "errored: " + clip(error.path("type").asText("")));
    }
    return BatchOutcome.failed(id, (type.equals("expired") || type.equals("canceled") ? type : "errored")
        + ": result type " + clip(type));
  }

  private JsonNode batch(String batchId) {
    return read(send(request(URI.create(settings.base + "/messages/batches/" + batchId)).GET(),
        "GET /messages/batches/{id}"));
  }

  private HttpRequest.Builder request(URI uri) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(settings.timeout.multipliedBy(10))
        .header("anthropic-version", settings.version);
    settings.apiKey.ifPresent(key -> b.header("x-api-key", key));
    return b;
  }

  private byte[] send(HttpRequest.Builder request, String what) {
    try {
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() / 100 != 2) {
        throw HttpFailures.forStatus(response.statusCode(), Optional.empty(), what,
            "check that environment variable '" + settings.apiKeyEnv + "' (api-key-env) holds a valid key");
      }
      return response.body();
    } catch (IOException e) {
      throw HttpFailures.forTransport(e, what, settings.timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw HttpFailures.forTransport(e, what, settings.timeout);
    }
  }

  private static JsonNode read(byte[] body) {
    return parse(body, 0, body.length);
  }

  private static JsonNode parse(byte[] body, int offset, int length) {
    try {
      return JSON.readTree(body, offset, length);
    } catch (IOException e) {
      throw new ModelException(ModelException.Kind.MALFORMED, "The batch endpoint answered with malformed JSON");
    }
  }

  private static String clip(String s) {
    return s.length() <= 120 ? s : s.substring(0, 120) + "…";
  }

  @Override
  public String toString() {
    return "AnthropicBatchClient[" + modelId() + "]";
  }
}
