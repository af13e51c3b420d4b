package dev.rehearsal.model.runtime;

import org.apiguardian.api.API;

/**
 * Prices per million input and output tokens, for cost budgets and progress lines.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PriceTable(double inputPerMillion, double outputPerMillion) {

  public static final PriceTable FREE = new PriceTable(0, 0);

  public PriceTable {
    if (inputPerMillion < 0 || outputPerMillion < 0) {
      throw new IllegalArgumentException("prices must not be negative: input=" + inputPerMillion
          + ", output=" + outputPerMillion);
    }
  }

  /** The cost of one call. */
  public double cost(long inputTokens, long outputTokens) {
    return (inputTokens * inputPerMillion + outputTokens * outputPerMillion) / 1_000_000.0;
  }

  static PriceTable fromSpec(SpecValues v) {
    return new PriceTable(v.number("input").orElse(0.0), v.number("output").orElse(0.0));
  }
}
