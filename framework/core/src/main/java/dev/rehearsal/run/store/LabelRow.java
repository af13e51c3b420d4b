package dev.rehearsal.run.store;

import org.apiguardian.api.API;

/**
 * One person's label of one response for one category, as imported from a review.
 *
 * @param gate the gate id
 * @param category the category id
 * @param sampleId the sample id
 * @param arm {@code production} or {@code candidate} (un-blinded on import)
 * @param responseSha256 hash of the labelled response text: a label only counts for that response
 * @param positive whether the person says the response is in the category
 * @param reviewer who labelled it
 * @param labelledAt when (ISO-8601), as the labelling tool or the importer recorded it
 * @param graderFingerprint fingerprint of the grader whose verdict the label judges
 * @param inclusionProbability probability that the review draw included the item
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record LabelRow(String gate, String category, String sampleId, String arm, String responseSha256,
    boolean positive, String reviewer, String labelledAt, String graderFingerprint, double inclusionProbability) {}
