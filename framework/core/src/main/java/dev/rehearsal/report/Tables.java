package dev.rehearsal.report;

import dev.rehearsal.gate.RateEstimate;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/** The per-segment decision table as CSV (for spreadsheets) and Markdown (for merge-request comments). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Tables {

  static final String HEADER = "category,segment,n,k,rate,low95,high95,production_n,production_k,production_rate,"
      + "production_low95,production_high95,threshold,verdict,action,owner";

  private Tables() {}

  /** RFC 4180 CSV, one row per category and segment; rates as fractions. */
  public static String csv(List<TableRow> rows) {
    StringBuilder out = new StringBuilder(HEADER).append("\r\n");
    for (TableRow r : rows) {
      out.append(Escape.csv(r.category())).append(',').append(Escape.csv(r.segment())).append(',')
          .append(r.n()).append(',').append(r.k()).append(',').append(num(r.rate())).append(',').append(num(r.low()))
          .append(',').append(num(r.high())).append(',').append(r.productionN()).append(',').append(r.productionK())
          .append(',').append(num(r.productionRate())).append(',').append(num(r.productionLow())).append(',')
          .append(num(r.productionHigh())).append(',').append(Escape.csv(r.threshold())).append(',')
          .append(Escape.csv(r.verdict())).append(',').append(Escape.csv(r.action())).append(',')
          .append(Escape.csv(r.owner())).append("\r\n");
    }
    return out.toString();
  }

  /** A GitHub/GitLab-flavoured Markdown table; every cell escaped. */
  public static String markdown(List<TableRow> rows) {
    StringBuilder out = new StringBuilder(
        "| category | segment | n | candidate rate [95%] | production rate [95%] | threshold | verdict | action | owner |\n"
            + "|---|---|---:|---|---|---|---|---|---|\n");
    for (TableRow r : rows) {
      out.append("| ").append(String.join(" | ", List.of(Escape.markdown(r.category()), Escape.markdown(r.segment()),
          Integer.toString(r.n()), Escape.markdown(r.describeCandidate()), Escape.markdown(r.describeProduction()),
          Escape.markdown(r.threshold()), verdict(r.verdict()), Escape.markdown(r.action()), Escape.markdown(r.owner()))))
          .append(" |\n");
    }
    return out.toString();
  }

  private static String verdict(String v) {
    return v.equals("BREACH") ? "**BREACH**" : Escape.markdown(v);
  }

  private static String num(double d) {
    return String.format(Locale.ROOT, "%.6f", d);
  }

  /** A rate for people: {@code 0.37%}. */
  static String percent(double d) {
    return RateEstimate.percent(d);
  }
}
