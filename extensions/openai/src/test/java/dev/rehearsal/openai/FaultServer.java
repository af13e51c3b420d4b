package dev.rehearsal.openai;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A loopback Chat Completions server on raw sockets that injects one fault mode into a share of its
 * requests (every request while {@code rate} is 1): the failures an endpoint really produces.
 * One request per connection ({@code Connection: close}).
 */
final class FaultServer implements AutoCloseable {

  enum Fault { RATE_LIMIT, SERVER_ERROR, RESET, TIMEOUT, MALFORMED, TRUNCATED }

  private final ServerSocket socket;
  private final Fault fault;
  private final int faultsPerTen;
  private final Function<String, String> answer;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger faults = new AtomicInteger();
  private final java.util.Map<String, AtomicInteger> attempts = new java.util.concurrent.ConcurrentHashMap<>();
  /** A transient fault hits one request at most this many times; then it answers. */
  private final int maxFaultsPerRequest;

  /** {@code faultsPerTen} of every ten requests fail with {@code fault}; others get {@code answer}. */
  FaultServer(Fault fault, int faultsPerTen, int maxFaultsPerRequest, Function<String, String> answer) {
    this.maxFaultsPerRequest = maxFaultsPerRequest;
    try {
      socket = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.fault = fault;
    this.faultsPerTen = faultsPerTen;
    this.answer = answer;
    Thread acceptor = new Thread(this::serve, "fault-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
  }

  int requests() {
    return requests.get();
  }

  int faults() {
    return faults.get();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        Thread t = new Thread(() -> handle(s), "fault-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void handle(Socket s) {
    try (s) {
      String body = readRequest(s.getInputStream());
      int n = requests.getAndIncrement();
      // faultsPerTen of every ten requests fail, spread evenly (for 3: positions 3, 6 and 9), and a
      // transient fault hits the same request body at most maxFaultsPerRequest times.
      boolean failing = (n % 10) * faultsPerTen / 10 != ((n % 10) + 1) * faultsPerTen / 10
          && attempts.computeIfAbsent(body, b -> new AtomicInteger()).getAndIncrement() < maxFaultsPerRequest;
      if (failing) {
        faults.incrementAndGet();
        fail(s);
      } else {
        write(s.getOutputStream(), 200, "", LoopbackServer.chat(answer.apply(body)));
      }
    } catch (IOException | InterruptedException e) {
      // the client went away (after its timeout): nothing to answer
    }
  }

  private void fail(Socket s) throws IOException, InterruptedException {
    OutputStream out = s.getOutputStream();
    switch (fault) {
      case RATE_LIMIT -> write(out, 429, "Retry-After: 1\r\n",
          "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}");
      case SERVER_ERROR -> write(out, 500, "",
          "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}");
      case RESET -> s.setSoLinger(true, 0);
      case TIMEOUT -> Thread.sleep(3_000);
      case MALFORMED -> write(out, 200, "", "{\"id\":\"c\",\"choices\":[{\"index\":0,\"message\":");
      case TRUNCATED -> {
        byte[] body = LoopbackServer.chat("cut short").getBytes(StandardCharsets.UTF_8);
        out.write(head(200, "", body.length + 100));
        out.write(body, 0, body.length / 2);
        out.flush();
      }
    }
  }

  private static void write(OutputStream out, int status, String headers, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    out.write(head(status, headers, bytes.length));
    out.write(bytes);
    out.flush();
  }

  private static byte[] head(int status, String headers, int length) {
    return ("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nConnection: close\r\n" + headers
        + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  private static String readRequest(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed");
      }
      head.append((char) b);
    }
    String lower = head.toString().toLowerCase(Locale.ROOT);
    int at = lower.indexOf("content-length:");
    int length = at < 0 ? 0 : Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).trim());
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
