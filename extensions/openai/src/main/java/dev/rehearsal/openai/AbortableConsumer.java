package dev.rehearsal.openai;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityConsumer;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Buffers a response and its body like {@link BasicResponseConsumer}, but fails the exchange at its
 * next event once {@link #abort()} was called. Why: cancelling the requester's future before the
 * exchange has its connection does not reach the exchange, which then reads a trickling body for as
 * long as the server sends it; failing here makes HttpCore close that connection (issue 12 item 11).
 */
final class AbortableConsumer implements AsyncResponseConsumer<Message<HttpResponse, byte[]>> {

  private final BasicResponseConsumer<byte[]> delegate =
      new BasicResponseConsumer<>(new BasicAsyncEntityConsumer());
  private volatile boolean aborted;

  void abort() {
    aborted = true;
  }

  private void check() throws IOException {
    if (aborted) {
      throw new InterruptedIOException("call abandoned by the runtime (timed out or cancelled)");
    }
  }

  @Override
  public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context,
      FutureCallback<Message<HttpResponse, byte[]>> callback) throws HttpException, IOException {
    check();
    delegate.consumeResponse(response, entity, context, callback);
  }

  @Override
  public void informationResponse(HttpResponse response, HttpContext context)
      throws HttpException, IOException {
    check();
    delegate.informationResponse(response, context);
  }

  @Override
  public void updateCapacity(CapacityChannel channel) throws IOException {
    check();
    delegate.updateCapacity(channel);
  }

  @Override
  public void consume(ByteBuffer data) throws IOException {
    check();
    delegate.consume(data);
  }

  @Override
  public void streamEnd(List<? extends Header> trailers) throws HttpException, IOException {
    check();
    delegate.streamEnd(trailers);
  }

  @Override
  public void failed(Exception cause) {
    delegate.failed(cause);
  }

  @Override
  public void releaseResources() {
    delegate.releaseResources();
  }
}
