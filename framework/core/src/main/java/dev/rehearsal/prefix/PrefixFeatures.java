package dev.rehearsal.prefix;

import dev.rehearsal.conversation.Conversation;
import java.util.Optional;

/**
 * What segment rules and eligibility see of one candidate prefix, computed in a single walk over the
 * conversation so a long conversation costs O(turns), not O(turns²).
 *
 * @param conversation the conversation
 * @param ordinal which user turn (0-based) the prefix ends with
 * @param end index of that turn in the conversation
 * @param chars total text length of the prefix
 * @param tools whether the prefix holds a tool call or tool result
 * @param contentHash a 64-bit hash of the prefix's roles, texts and tool calls (for de-duplication)
 */
record PrefixFeatures(Conversation conversation, int ordinal, int end, long chars, boolean tools, long contentHash) {

  /** The value of a segment-rule field, empty when the conversation lacks it. */
  Optional<String> field(String name) {
    return switch (name) {
      case "user-turns" -> Optional.of(Integer.toString(ordinal + 1));
      case "prefix-chars" -> Optional.of(Long.toString(chars));
      case "has-tools" -> Optional.of(Boolean.toString(tools));
      default -> name.startsWith("metadata.")
          ? Optional.ofNullable(conversation.metadata().get(name.substring("metadata.".length())))
          : Optional.empty();
    };
  }
}
