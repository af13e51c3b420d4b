package dev.rehearsal.openai;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server on a raw socket, for failures an HTTP server cannot make: a connection reset
 * (SO_LINGER 0) and a body shorter than its Content-Length. One request per connection.
 */
final class RawSocketServer implements AutoCloseable {

  enum Action { RESET, SHORT_BODY, OK }

  private final ServerSocket socket;
  private final ConcurrentLinkedQueue<Action> script;
  private final AtomicInteger requests = new AtomicInteger();
  private final String okBody;
  private final Thread acceptor;

  RawSocketServer(String okBody, Action... actions) {
    try {
      this.socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.okBody = okBody;
    this.script = new ConcurrentLinkedQueue<>(List.of(actions));
    this.acceptor = new Thread(this::serve, "raw-socket-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
  }

  int requestCount() {
    return requests.get();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket s = socket.accept()) {
        readRequest(s.getInputStream());
        requests.incrementAndGet();
        Action action = script.poll();
        answer(s, action == null ? Action.OK : action);
      } catch (IOException e) {
        // closed by the test, or the client went away: keep serving until closed
      }
    }
  }

  private void answer(Socket s, Action action) throws IOException {
    OutputStream out = s.getOutputStream();
    byte[] body = okBody.getBytes(StandardCharsets.UTF_8);
    switch (action) {
      case RESET -> s.setSoLinger(true, 0);
      case SHORT_BODY -> {
        out.write(head(body.length + 500));
        out.write(body, 0, body.length / 2);
        out.flush();
      }
      case OK -> {
        out.write(head(body.length));
        out.write(body);
        out.flush();
      }
    }
  }

  private static byte[] head(int length) {
    return ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
        + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  private static void readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      String text = head.toString(StandardCharsets.US_ASCII);
      if (text.endsWith("\r\n\r\n")) {
        int length = contentLength(text);
        in.readNBytes(length);
        return;
      }
    }
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring(15).trim());
      }
    }
    return 0;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
