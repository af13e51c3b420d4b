package dev.rehearsal.spec;

import dev.rehearsal.conversation.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Which user turns may be sampled; a user turn is eligible when its prefix (the conversation through
 * that turn) satisfies every rule.
 *
 * @param minUserTurns smallest number of user turns in the prefix (1 = any)
 * @param maxUserTurns largest number of user turns in the prefix
 * @param excludeMultimodal skip prefixes whose turns had non-text content parts
 * @param requireLoggedReply skip user turns that the log never answered (replay arms need one)
 * @param requiredRoles roles that must appear in the prefix (e.g. {@code system}, {@code tool})
 * @param hasTools when present, whether the prefix must (true) or must not (false) hold tool calls or
 *     tool results
 * @param metadata conditions on the conversation's metadata, all of which must hold
 * @param maxPrefixChars largest total text length of the prefix, in chars
 * @param timeWindow when present, the conversation's timestamp must fall inside it
 * @param languages when not empty, a conversation whose language field is present must be one of them
 *     (primary subtag, case-insensitive: {@code en} admits {@code en-US}); one without it is kept
 * @param languageField the metadata key holding the language
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record EligibilitySpec(
    int minUserTurns,
    int maxUserTurns,
    boolean excludeMultimodal,
    boolean requireLoggedReply,
    Set<Role> requiredRoles,
    Optional<Boolean> hasTools,
    List<MetadataCondition> metadata,
    int maxPrefixChars,
    Optional<TimeWindow> timeWindow,
    Set<String> languages,
    String languageField) {

  public EligibilitySpec {
    requiredRoles = Set.copyOf(requiredRoles);
    metadata = List.copyOf(metadata);
    languages = Set.copyOf(languages);
  }

  /** Only the user-turn bounds and the multimodal and logged-reply rules. */
  public EligibilitySpec(int minUserTurns, int maxUserTurns, boolean excludeMultimodal, boolean requireLoggedReply) {
    this(minUserTurns, maxUserTurns, excludeMultimodal, requireLoggedReply, Set.of(), Optional.empty(), List.of(),
        Integer.MAX_VALUE, Optional.empty(), Set.of(), "language");
  }

  /**
   * A condition on one metadata key (nested log fields are joined with dots).
   *
   * @param key the metadata key
   * @param op how the value is tested
   * @param values the admitted values ({@code equals}: one, {@code in}: several, {@code exists}: none)
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public record MetadataCondition(String key, Op op, List<String> values) {
    public MetadataCondition {
      values = List.copyOf(values);
    }

    /** The test applied to the value. */
    public enum Op { EQUALS, IN, EXISTS, ABSENT }

    /** Whether a conversation whose value for the key is {@code value} (empty when missing) passes. */
    public boolean test(Optional<String> value) {
      return switch (op) {
        case EXISTS -> value.isPresent();
        case ABSENT -> value.isEmpty();
        case EQUALS, IN -> value.isPresent() && values.contains(value.get());
      };
    }
  }

  /**
   * A time window on an ISO-8601 timestamp in the metadata.
   *
   * @param field the metadata key
   * @param from inclusive start, if bounded
   * @param to exclusive end, if bounded
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public record TimeWindow(String field, Optional<Instant> from, Optional<Instant> to) {
    public boolean contains(Instant t) {
      return from.map(f -> !t.isBefore(f)).orElse(true) && to.map(t::isBefore).orElse(true);
    }

    /**
     * Reads an ISO-8601 instant ({@code 2026-11-02T10:00:00Z}), offset date-time
     * ({@code 2026-11-02T10:00:00+01:00}), local date-time or date (both taken as UTC).
     */
    public static Optional<Instant> parse(String text) {
      String t = text.trim();
      try {
        if (t.length() == 10) {
          return Optional.of(java.time.LocalDate.parse(t).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        }
        java.time.temporal.TemporalAccessor a = java.time.format.DateTimeFormatter.ISO_DATE_TIME.parseBest(t,
            java.time.OffsetDateTime::from, java.time.LocalDateTime::from);
        return Optional.of(a instanceof java.time.OffsetDateTime o ? o.toInstant()
            : ((java.time.LocalDateTime) a).toInstant(java.time.ZoneOffset.UTC));
      } catch (java.time.DateTimeException e) {
        return Optional.empty();
      }
    }
  }
}
