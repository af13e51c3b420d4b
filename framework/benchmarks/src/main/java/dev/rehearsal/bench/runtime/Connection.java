package dev.rehearsal.bench.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 connection of {@link FixedLatencyServer}: collects request bytes until a whole
 * request (head plus {@code Content-Length} body) is in, and writes replies, keeping what the
 * socket did not take until it is writable again. Used by the server's thread only.
 */
final class Connection {

  private static final byte[] END_OF_HEAD = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRANSFER_ENCODING =
      "transfer-encoding".getBytes(StandardCharsets.US_ASCII);

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
    int total = head + END_OF_HEAD.length + contentLength(in.array(), head);
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

  /**
   * The Content-Length of the head in {@code a[0, end)}, read from the bytes without building
   * strings. The client under test always sends a byte-array body, so a length is present.
   */
  private static int contentLength(byte[] a, int end) {
    int line = 0;
    while (line < end) {
      int eol = line;
      while (eol < end && a[eol] != '\r') {
        eol++;
      }
      if (startsWithIgnoreCase(a, line, eol, CONTENT_LENGTH)) {
        int value = 0;
        for (int i = line + CONTENT_LENGTH.length; i < eol; i++) {
          if (a[i] >= '0' && a[i] <= '9') {
            value = value * 10 + (a[i] - '0');
          }
        }
        return value;
      }
      if (startsWithIgnoreCase(a, line, eol, TRANSFER_ENCODING)) {
        throw new IllegalStateException("chunked request bodies are not supported");
      }
      line = eol + 2;
    }
    return 0;
  }

  private static boolean startsWithIgnoreCase(byte[] a, int from, int to, byte[] prefix) {
    if (to - from < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (Character.toLowerCase(a[from + i]) != prefix[i]) {
        return false;
      }
    }
    return true;
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
