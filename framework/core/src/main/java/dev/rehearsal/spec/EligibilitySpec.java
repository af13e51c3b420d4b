package dev.rehearsal.spec;

import org.apiguardian.api.API;

/**
 * Which user turns may be sampled; a user turn is eligible when its prefix satisfies all rules.
 *
 * @param minUserTurns smallest number of user turns in the prefix (1 = any)
 * @param maxUserTurns largest number of user turns in the prefix
 * @param excludeMultimodal skip prefixes whose turns had non-text content
 * @param requireLoggedReply skip user turns that the log never answered (replay arms need one)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record EligibilitySpec(
    int minUserTurns, int maxUserTurns, boolean excludeMultimodal, boolean requireLoggedReply) {}
