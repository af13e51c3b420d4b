package dev.rehearsal.run.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.model.ModelReply;
import org.junit.jupiter.api.Test;

/** Issue 12 (smaller list): a 100 MB reply is stored and read back, not taken for a corrupt row. */
class LargeReplyTests {

  @Test
  void item12_a_100_mb_reply_survives_the_store_codec() {
    String text = "a".repeat(100 * 1024 * 1024);

    var decoded = ReplyCodec.decode(ReplyCodec.encode(ModelReply.text(text)));

    assertThat(decoded).isPresent();
    assertThat(decoded.get().text()).hasSize(text.length());
  }
}
