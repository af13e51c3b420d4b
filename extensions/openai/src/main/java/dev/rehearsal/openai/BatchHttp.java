package dev.rehearsal.openai;

import dev.rehearsal.model.ModelException;
import dev.rehearsal.model.runtime.HttpFailures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Blocking HTTP for the batch endpoints, with the API key header and failures classified like the
 * synchronous client's (never quoting a body or a header).
 */
final class BatchHttp {

  private final HttpClient http;
  private final Duration timeout;
  private final String authHeader;
  private final Optional<String> authValue;
  private final String keyHint;

  BatchHttp(Duration timeout, String authHeader, Optional<String> authValue, String keyHint) {
    this.timeout = timeout;
    this.authHeader = authHeader;
    this.authValue = authValue;
    this.keyHint = keyHint;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10)).build();
  }

  byte[] get(URI uri, String... headers) {
    return send(request(uri, headers).GET(), "GET " + uri.getPath());
  }

  byte[] post(URI uri, String contentType, byte[] body, String... headers) {
    return send(request(uri, headers).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)), "POST " + uri.getPath());
  }

  private HttpRequest.Builder request(URI uri, String... headers) {
    // Result files of 10^5 replies take longer to serve than one chat completion.
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout.multipliedBy(10));
    authValue.ifPresent(v -> b.header(authHeader, v));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return b;
  }

  private byte[] send(HttpRequest.Builder request, String what) {
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw HttpFailures.forTransport(e, what, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw HttpFailures.forTransport(e, what, timeout);
    }
    if (response.statusCode() / 100 != 2) {
      ModelException failure = HttpFailures.forStatus(response.statusCode(), Optional.empty(), what, keyHint);
      throw failure;
    }
    return response.body();
  }
}
