package dev.rehearsal.bench.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 connection of {@link FixedLatencyServer}: collects request bytes until a whole
 * request (head plus {@code Content-Length} body) is in, and writes replies, keeping what the
 * socket did not take until it is writable again. Used by the server's thread only.
 */
final class Connection {

  private static final byte[] END_OF_HEAD = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private ByteBuffer in = ByteBuffer.allocate(8192);
  private ByteBuffer pending;

  /** Reads what the socket has; false once the peer closed the connection. */
  boolean fill(SocketChannel channel) throws IOException {
    int n;
    while ((n = channel.read(in)) > 0) {
      if (!in.hasRemaining()) {
        in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
      }
    }
    return n >= 0;
  }

  /** Consumes one complete request if the buffer holds one; the body itself is not needed. */
  boolean takeRequest() {
    int head = indexOf(END_OF_HEAD);
    if (head < 0) {
      return false;
    }
    String headers = new String(in.array(), 0, head, StandardCharsets.US_ASCII);
    int total = head + END_OF_HEAD.length + contentLength(headers);
    if (in.position() < total) {
      return false;
    }
    in.flip().position(total);
    in.compact();
    return true;
  }

  void send(SelectionKey key, byte[] reply) throws IOException {
    ByteBuffer out = ByteBuffer.wrap(reply);
    if (pending == null) {
      ((SocketChannel) key.channel()).write(out);
    }
    if (out.hasRemaining()) {
      pending = pending == null ? out : append(pending, out);
      key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
    }
  }

  void flush(SelectionKey key) throws IOException {
    ((SocketChannel) key.channel()).write(pending);
    if (!pending.hasRemaining()) {
      pending = null;
      key.interestOps(SelectionKey.OP_READ);
    }
  }

  private static ByteBuffer append(ByteBuffer a, ByteBuffer b) {
    return ByteBuffer.allocate(a.remaining() + b.remaining()).put(a).put(b).flip();
  }

  /** The client under test always sends a byte-array body, so a length is always present. */
  private static int contentLength(String headers) {
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT)
          .equals("content-length")) {
        return Integer.parseInt(line.substring(colon + 1).trim());
      }
      if (line.toLowerCase(Locale.ROOT).startsWith("transfer-encoding")) {
        throw new IllegalStateException("chunked request bodies are not supported: " + line);
      }
    }
    return 0;
  }

  private int indexOf(byte[] needle) {
    byte[] a = in.array();
    outer:
    for (int i = 0; i + needle.length <= in.position(); i++) {
      for (int j = 0; j < needle.length; j++) {
        if (a[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
