package dev.rehearsal.prefix;

import dev.rehearsal.conversation.Conversation;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One record of a conversation log: the conversation that prefixes are cut from, and the logged
 * variants of it that replay arms answer with.
 *
 * @param conversation the conversation prefixes are cut from
 * @param variants logged versions by name ({@code logged}; {@code chosen} and {@code rejected} for
 *     hh-rlhf, which share every turn but the last assistant turn)
 * @param line the 1-based line of the record in its file
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record LoggedConversation(Conversation conversation, Map<String, Conversation> variants, long line) {
  public LoggedConversation {
    variants = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variants));
  }
}
