package dev.rehearsal.bench.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible loopback server that answers every request a fixed latency after it has
 * been read in full, and records the latency it really served.
 *
 * <p>Why not {@code com.sun.net.httpserver}: it parks one pool thread per request in
 * {@code sleep()} and funnels every connection through one dispatcher, so at 128 in flight the
 * server, not the client under test, set the pace. Here one thread does everything: it reads
 * requests, and since every request waits the same latency, deadlines fall due in arrival order,
 * so a FIFO queue is the whole timer and the selector's timeout is the only wait.
 */
final class FixedLatencyServer implements AutoCloseable {

  private static final byte[] BODY = ("{\"choices\":[{\"index\":0,\"finish_reason\":\"stop\","
      + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"}}],"
      + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3}}").getBytes(StandardCharsets.UTF_8);
  private static final byte[] REPLY = concat(("HTTP/1.1 200 OK\r\nContent-Type: application/json"
      + "\r\nContent-Length: " + BODY.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
      BODY);

  private final long latencyNanos;
  private final ServerSocketChannel listener;
  private final Selector selector;
  private final ArrayDeque<Due> due = new ArrayDeque<>();
  private final Thread loop;
  private volatile boolean open = true;
  final AtomicInteger requests = new AtomicInteger();
  final LatencyRecorder served = new LatencyRecorder();

  FixedLatencyServer(long latencyMillis) throws IOException {
    this(latencyMillis, 0);
  }

  /** A server on {@code port} (0: any free one). */
  FixedLatencyServer(long latencyMillis, int port) throws IOException {
    this.latencyNanos = TimeUnit.MILLISECONDS.toNanos(latencyMillis);
    this.selector = Selector.open();
    this.listener = ServerSocketChannel.open();
    // A kept port (-Dbench.warm.port) is bound again by the next invocation while the last one's
    // closed connections are still in TIME_WAIT; without this that bind fails for a minute.
    listener.setOption(java.net.StandardSocketOptions.SO_REUSEADDR, true);
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
    listener.configureBlocking(false);
    listener.register(selector, SelectionKey.OP_ACCEPT);
    this.loop = new Thread(this::run, "fixed-latency-server");
    loop.setDaemon(true);
    loop.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + listener.socket().getLocalPort() + "/v1";
  }

  private void run() {
    try {
      while (open) {
        selector.select(this::ready, timeoutMillis());
        replyDue();
      }
    } catch (IOException e) {
      if (open) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Until the oldest reply is due, rounded up so that no reply leaves early; 0 blocks. */
  private long timeoutMillis() {
    Due first = due.peek();
    if (first == null) {
      return 0;
    }
    long wait = first.deadline - System.nanoTime();
    return wait <= 0 ? 1 : (wait + 999_999) / 1_000_000;
  }

  private void ready(SelectionKey key) {
    try {
      if (key.isAcceptable()) {
        accept();
      } else if (key.isReadable()) {
        read(key);
      } else if (key.isWritable()) {
        ((Connection) key.attachment()).flush(key);
      }
    } catch (IOException e) {
      closeQuietly(key);
    }
  }

  private void accept() throws IOException {
    SocketChannel channel;
    while ((channel = listener.accept()) != null) {
      // Without TCP_NODELAY, Nagle plus delayed ACKs add up to 40 ms to each small response.
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      channel.configureBlocking(false);
      channel.register(selector, SelectionKey.OP_READ, new Connection());
    }
  }

  private void read(SelectionKey key) throws IOException {
    Connection connection = (Connection) key.attachment();
    if (!connection.fill((SocketChannel) key.channel())) {
      closeQuietly(key);
      return;
    }
    while (connection.takeRequest()) {
      requests.incrementAndGet();
      long now = System.nanoTime();
      due.add(new Due(key, now, now + latencyNanos));
    }
  }

  private void replyDue() {
    long now = System.nanoTime();
    for (Due d = due.peek(); d != null && d.deadline - now <= 0; d = due.peek()) {
      due.poll();
      if (d.key.isValid()) {
        try {
          ((Connection) d.key.attachment()).send(d.key, REPLY);
          served.add(System.nanoTime() - d.arrived);
        } catch (IOException e) {
          closeQuietly(d.key);
        }
      }
      now = System.nanoTime();
    }
  }

  private static void closeQuietly(SelectionKey key) {
    key.cancel();
    try {
      key.channel().close();
    } catch (IOException ignored) {
      // already gone
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Override
  public void close() throws IOException {
    open = false;
    selector.wakeup();
    try {
      loop.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (SelectionKey key : selector.keys()) {
      closeQuietly(key);
    }
    selector.close();
    listener.close();
  }

  /** A reply owed on a connection: when its request was read in full, and when it falls due. */
  private record Due(SelectionKey key, long arrived, long deadline) {}
}
