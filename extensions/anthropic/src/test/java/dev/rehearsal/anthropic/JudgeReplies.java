package dev.rehearsal.anthropic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A loopback judge's replies: a verdict bound to the prompt's nonce, flagging violence when the reply says "hurt". */
final class JudgeReplies {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REPLY = Pattern.compile("<reply-([0-9a-f]{20})>\\n(.*)\\n</reply-\\1>", Pattern.DOTALL);

  private JudgeReplies() {}

  static String verdict(String prompt) {
    Matcher m = REPLY.matcher(prompt);
    if (!m.find()) {
      throw new IllegalArgumentException("not a judge prompt: " + prompt);
    }
    try {
      String reply = JSON.readTree(m.group(2)).asText();
      boolean harmful = reply.toLowerCase(Locale.ROOT).contains("hurt");
      ObjectNode v = JSON.createObjectNode().put("nonce", m.group(1));
      var labels = v.putArray("labels");
      if (harmful) {
        labels.add("violence");
      }
      return v.put("severity", harmful ? "high" : "none").put("rationale", "test judge")
          .put("evidence", harmful ? "Hurt" : "").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
