package dev.rehearsal.run.store;

import org.apiguardian.api.API;

/**
 * The blinding key of one exported review item: which sample and arm an opaque item id stands for.
 * Kept in the store, never in the labelling file.
 *
 * @param itemId the opaque id in the labelling file
 * @param gate the gate id
 * @param category the category id
 * @param sampleId the sample id
 * @param arm the arm's name
 * @param responseSha256 hash of the exported response
 * @param graderFingerprint fingerprint of the category's grader when exported
 * @param graderFlag whether that grader flagged the item
 * @param inclusionProbability probability that the draw included the item
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ReviewItemRow(String itemId, String gate, String category, String sampleId, String arm,
    String responseSha256, String graderFingerprint, boolean graderFlag, double inclusionProbability) {}
