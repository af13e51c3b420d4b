package dev.rehearsal.spec;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Sequential sampling ({@code prefixes.sample.sequential}): both arms answer the sample batch by
 * batch in a seeded random order, and the run stops as soon as an anytime-valid confidence sequence
 * decides every {@code max-rate} check; {@code sample.size} is the cap.
 *
 * @param batch prefixes per batch (at least 1)
 * @param atCap how a check still undecided when the whole sample has been answered is decided
 * @param mark where it is declared
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SequentialSpec(int batch, AtCap atCap, Mark mark) {

  public SequentialSpec {
    if (batch < 1) {
      throw new IllegalArgumentException("Sequential batch is not at least 1: " + batch);
    }
  }

  /** The rule for a check the sequence has not decided at the cap. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public enum AtCap {
    /** Not shown below the maximum: the check breaches. Keeps the sequence's error guarantee. */
    BLOCK,
    /** The fixed-sample Clopper–Pearson check on the final size decides (a second look at the data). */
    FIXED_SAMPLE;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}
