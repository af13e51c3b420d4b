package dev.rehearsal.prefix.deid;

import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The guard's {@code block} policy stopped the run before any model call: the message lists where
 * personal data or secrets are (sample id, turn, field, offset, kind) and never their values.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DeidBlockedException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final transient DeidReport report;

  public DeidBlockedException(DeidReport report) {
    super("De-identification guard (policy block) stopped the run before any model call: "
        + report.total() + " finding(s) " + report.countsByName() + " in the sampled prefixes at\n  "
        + report.locations().stream().map(FindingLocation::toString).collect(Collectors.joining("\n  "))
        + (report.total() > report.locations().size() ? "\n  ... and more" : "")
        + "\nRemove them from the log, or set prefixes.deid.policy: redact to send typed placeholders instead.");
    this.report = report;
  }

  public DeidReport report() {
    return report;
  }
}
