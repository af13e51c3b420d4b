package dev.rehearsal.grade;

import org.apiguardian.api.API;

/**
 * Why a grader gave a label: the matched span of the response.
 *
 * @param label the label
 * @param span the matched text (untrusted model output: escape it wherever it is shown)
 * @param start offset of the span in the response
 * @param end end offset (exclusive)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Evidence(String label, String span, int start, int end) {}
