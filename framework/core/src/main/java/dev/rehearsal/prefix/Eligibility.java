package dev.rehearsal.prefix;

import dev.rehearsal.conversation.Conversation;
import dev.rehearsal.conversation.Role;
import dev.rehearsal.conversation.ToolCall;
import dev.rehearsal.conversation.Turn;
import dev.rehearsal.spec.EligibilitySpec;
import dev.rehearsal.spec.EligibilitySpec.MetadataCondition;
import dev.rehearsal.spec.EligibilitySpec.TimeWindow;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which user turns of a conversation are eligible, naming the first rule that excludes the
 * others. Conversation-wide rules (metadata, time window, language) are checked once per conversation.
 */
final class Eligibility {

  /** Receives each user turn's features and, when it is not eligible, the reason. */
  interface Visitor {
    void visit(PrefixFeatures features, Optional<String> reason);
  }

  private final EligibilitySpec spec;
  private final boolean hashContent;
  private final boolean lastUserTurnOnly;

  Eligibility(EligibilitySpec spec, boolean hashContent) {
    this(spec, hashContent, false);
  }

  /** {@code lastUserTurnOnly}: records whose logged replies answer only their last user turn. */
  Eligibility(EligibilitySpec spec, boolean hashContent, boolean lastUserTurnOnly) {
    this.spec = spec;
    this.hashContent = hashContent;
    this.lastUserTurnOnly = lastUserTurnOnly;
  }

  void scan(Conversation c, Visitor visitor) {
    Optional<String> whole = conversationReason(c);
    int users = lastUserTurnOnly ? c.userTurnCount() : 0;
    Set<Role> roles = EnumSet.noneOf(Role.class);
    long chars = 0;
    long hash = 0xcbf29ce484222325L;
    boolean tools = false;
    boolean multimodal = false;
    int ordinal = 0;
    for (int i = 0; i < c.turns().size(); i++) {
      Turn t = c.turns().get(i);
      roles.add(t.role());
      chars += t.text().length();
      tools |= t.role() == Role.TOOL || !t.toolCalls().isEmpty();
      multimodal |= t.multimodal();
      hash = hashContent ? hash(hash, t) : 0;
      if (t.role() == Role.USER) {
        PrefixFeatures f = new PrefixFeatures(c, ordinal++, i, chars, tools, hash);
        visitor.visit(f, whole.isPresent() ? whole
            : lastUserTurnOnly && f.ordinal() < users - 1 ? Optional.of(MultiReplyParser.CONTEXT_TURN)
            : turnReason(c, f, roles, multimodal));
      }
    }
  }

  private Optional<String> conversationReason(Conversation c) {
    for (MetadataCondition m : spec.metadata()) {
      if (!m.test(Optional.ofNullable(c.metadata().get(m.key())))) {
        return Optional.of("metadata." + m.key());
      }
    }
    if (spec.timeWindow().isPresent()) {
      TimeWindow w = spec.timeWindow().get();
      String raw = c.metadata().get(w.field());
      Optional<Instant> t = raw == null ? Optional.empty() : TimeWindow.parse(raw);
      if (t.isEmpty()) {
        return Optional.of(raw == null ? "no-timestamp" : "unreadable-timestamp");
      }
      if (!w.contains(t.get())) {
        return Optional.of("outside-time-window");
      }
    }
    String language = c.metadata().get(spec.languageField());
    if (!spec.languages().isEmpty() && language != null
        && !spec.languages().contains(language.toLowerCase(Locale.ROOT).split("[-_]", 2)[0])
        && !spec.languages().contains(language.toLowerCase(Locale.ROOT))) {
      return Optional.of("language");
    }
    return Optional.empty();
  }

  private Optional<String> turnReason(Conversation c, PrefixFeatures f, Set<Role> roles, boolean multimodal) {
    int users = f.ordinal() + 1;
    if (users < spec.minUserTurns()) {
      return Optional.of("below-min-user-turns");
    }
    if (users > spec.maxUserTurns()) {
      return Optional.of("above-max-user-turns");
    }
    if (spec.excludeMultimodal() && multimodal) {
      return Optional.of("multimodal");
    }
    if (!roles.containsAll(spec.requiredRoles())) {
      return Optional.of("missing-role");
    }
    if (spec.hasTools().isPresent() && spec.hasTools().get() != f.tools()) {
      return Optional.of(f.tools() ? "has-tools" : "no-tools");
    }
    if (f.chars() > spec.maxPrefixChars()) {
      return Optional.of("above-max-prefix-chars");
    }
    int next = f.end() + 1;
    if (spec.requireLoggedReply() && (next >= c.turns().size() || c.turns().get(next).role() != Role.ASSISTANT)) {
      return Optional.of("no-logged-reply");
    }
    return Optional.empty();
  }

  // FNV-1a over roles, texts and tool calls, chained turn by turn so each prefix's hash extends the last.
  private static long hash(long h, Turn t) {
    h = mix(h, t.role().ordinal());
    h = mix(h, t.text());
    for (ToolCall call : t.toolCalls()) {
      h = mix(mix(h, call.name()), call.argumentsJson());
    }
    return mix(h, t.toolCallId().orElse(""));
  }

  private static long mix(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return mix(h, s.length());
  }

  private static long mix(long h, int v) {
    return (h ^ v) * 0x100000001b3L;
  }
}
