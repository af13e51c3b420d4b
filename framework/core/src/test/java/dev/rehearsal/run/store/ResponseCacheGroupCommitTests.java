package dev.rehearsal.run.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.model.ModelReply;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Puts committed together (group commit) are each durable before their own put returns. */
class ResponseCacheGroupCommitTests {

  @TempDir
  Path dir;

  @Test
  void every_concurrent_put_is_committed_before_it_returns() throws Exception {
    // given 32 threads putting at once into one store
    Path file = dir.resolve("store.db");
    ConcurrentLinkedQueue<String> notYetVisible = new ConcurrentLinkedQueue<>();
    try (RunStore store = RunStore.open(file)) {
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 32; t++) {
        int id = t;
        Thread thread = new Thread(() -> {
          try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            start.await();
            for (int i = 0; i < 20; i++) {
              String key = "k" + id + "-" + i;
              // when a put returns
              store.responses().put(key, "m", ModelReply.text("reply " + key));
              // then another connection (another process would see the same file) finds the row
              if (!present(other, key)) {
                notYetVisible.add(key);
              }
            }
          } catch (Exception e) {
            notYetVisible.add("failed: " + e);
          }
        });
        thread.start();
        threads.add(thread);
      }
      start.countDown();
      for (Thread thread : threads) {
        thread.join();
      }
      assertThat(notYetVisible).isEmpty();
      assertThat(store.responses().get("k31-19").map(ModelReply::text)).contains("reply k31-19");
    }
  }

  private static boolean present(Connection c, String key) throws Exception {
    try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM responses WHERE cache_key = ?")) {
      p.setString(1, key);
      try (ResultSet r = p.executeQuery()) {
        return r.next();
      }
    }
  }
}
