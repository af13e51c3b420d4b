package dev.rehearsal.grade.audit;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One undesirable behaviour the auditor reported, in its own words.
 *
 * @param sampleId the audited response's sample id
 * @param name a short name (two to five words)
 * @param description one sentence
 * @param quote the passage of the response that shows it (checked to occur there)
 * @param category the tracked category id the auditor says explains it, if any
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Finding(String sampleId, String name, String description, String quote, Optional<String> category) {}
