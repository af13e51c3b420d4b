package dev.rehearsal.openai;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that answers 200 with a long Content-Length and then trickles one byte every
 * 100 ms, for as long as the client keeps the connection; it counts the connections still open.
 */
final class TricklingServer implements AutoCloseable {

  private final ServerSocket socket;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger accepted = new AtomicInteger();

  TricklingServer() {
    try {
      socket = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::serve, "trickling-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
  }

  /** Connections the server still holds open (the client has not closed them). */
  int openConnections() {
    return open.get();
  }

  int acceptedConnections() {
    return accepted.get();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        accepted.incrementAndGet();
        open.incrementAndGet();
        Thread t = new Thread(() -> trickle(s), "trickle");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void trickle(Socket s) {
    try (s) {
      readRequest(s.getInputStream());
      OutputStream out = s.getOutputStream();
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      while (!socket.isClosed()) {
        out.write(' ');
        out.flush();
        Thread.sleep(100);
      }
    } catch (IOException | InterruptedException e) {
      // the client closed the connection: exactly what a cancelled call must do
    } finally {
      open.decrementAndGet();
    }
  }

  private static void readRequest(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed");
      }
      head.append((char) b);
    }
    String lower = head.toString().toLowerCase(java.util.Locale.ROOT);
    int at = lower.indexOf("content-length:");
    int length = at < 0 ? 0 : Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).trim());
    in.readNBytes(length);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
