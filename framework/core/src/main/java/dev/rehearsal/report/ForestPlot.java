package dev.rehearsal.report;

import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A forest plot as standalone SVG: one line per category and segment, candidate and production
 * rates as points with their 95% intervals as whiskers, {@code max-rate} limits as red ticks, on a
 * log axis so that 0.1% and 10% are both readable (a rate of 0 sits on the left edge). A row whose
 * breach comes from a comparative rule says so: the comparison plot draws those rules. Every text
 * node and attribute value is XML-escaped, because category and segment ids are spec text.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ForestPlot {

  static final String CANDIDATE = "#1f6feb";
  static final String PRODUCTION = "#8b949e";
  static final String LIMIT = "#d1242f";
  private static final int LABEL = 260;
  private static final int PLOT = 460;
  private static final int ROW = 22;
  private static final int TOP = 60;

  private ForestPlot() {}

  /** The plot of the given rows; the log x axis spans every rate, bound and limit, rounded out to 1-2-5 steps. */
  public static String svg(String title, List<TableRow> rows) {
    Axis max = axis(rows);
    int height = TOP + rows.size() * ROW + 40;
    int width = LABEL + PLOT + 180;
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">\n", width, height, width, height));
    out.append("<title>").append(Escape.xml(title)).append("</title>\n");
    out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    out.append(text(8, 18, Escape.xml(title), "font-weight=\"bold\" font-size=\"14\""));
    legend(out, LABEL + PLOT + 12);
    axis(out, max, height);
    for (int i = 0; i < rows.size(); i++) {
      row(out, rows.get(i), TOP + i * ROW + ROW / 2, max, i);
    }
    return out.append("</svg>\n").toString();
  }

  private static void row(StringBuilder out, TableRow r, int y, Axis max, int index) {
    if (index % 2 == 0) {
      out.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f6f8fa\"/>\n",
          y - ROW / 2, LABEL + PLOT + 180, ROW));
    }
    String weight = r.verdict().equals("BREACH") ? " font-weight=\"bold\" fill=\"" + LIMIT + "\"" : "";
    out.append(text(8, y + 4, Escape.xml(r.category() + " › " + r.segment()), weight.isEmpty() ? "" : weight.substring(1)));
    for (double limit : r.maxRates()) {
      double x = x(limit, max);
      out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>\n",
          x, x, y - 9, y + 9, LIMIT));
    }
    mark(out, y - 4, r.productionRate(), r.productionLow(), r.productionHigh(), r.productionN(), max, PRODUCTION);
    mark(out, y + 4, r.rate(), r.low(), r.high(), r.n(), max, CANDIDATE);
    out.append(text(LABEL + PLOT + 12, y + 4, Escape.xml(verdict(r)), weight.isEmpty() ? "" : weight.substring(1)));
  }

  /** {@code BREACH}, or {@code BREACH vs production} when only comparative rules breached (drawn in the comparison plot). */
  static String verdict(TableRow r) {
    boolean absoluteBreach = java.util.Arrays.stream(r.threshold().split("; "))
        .anyMatch(t -> t.endsWith(TableRow.BREACH_MARK) && (t.startsWith("max-rate") || t.startsWith("min-rate")));
    return r.verdict().equals("BREACH") && !absoluteBreach && r.threshold().contains(TableRow.BREACH_MARK)
        ? "BREACH vs production" : r.verdict();
  }

  private static void mark(StringBuilder out, int y, double rate, double low, double high, int n, Axis max, String colour) {
    if (n == 0) {
      return;
    }
    out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>\n",
        x(low, max), x(high, max), y, y, colour));
    out.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"3.5\" fill=\"%s\"/>\n", x(rate, max), y, colour));
  }

  private static void axis(StringBuilder out, Axis max, int height) {
    int bottom = height - 30;
    out.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#57606a\"/>\n",
        LABEL, LABEL + PLOT, bottom, bottom));
    // Every tick gets a line; over more than two decades only 0.1%, 1%, 10%... get a label, which keeps labels apart.
    boolean wide = max.hi() / max.lo() > 150;
    for (double v : max.ticks()) {
      double x = max.x(v, LABEL, PLOT);
      out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#d0d7de\"/>\n",
          x, x, TOP - 4, bottom));
      boolean decade = Math.abs(v / Math.pow(10, Math.floor(Math.log10(v) + 1e-9)) - 1) < 1e-6;
      if (!wide || decade) {
        out.append(text((int) x - 14, bottom + 16, Escape.xml(Tables.percent(v)), "font-size=\"11\""));
      }
    }
    out.append(text(LABEL, bottom + 28, "log scale; a rate of 0 sits on the left edge", "font-size=\"10\" fill=\"#57606a\""));
  }

  private static void legend(StringBuilder out, int x) {
    out.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"14\" r=\"4\" fill=\"%s\"/>", x, CANDIDATE))
        .append(text(x + 8, 18, "candidate", ""));
    out.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"30\" r=\"4\" fill=\"%s\"/>", x, PRODUCTION))
        .append(text(x + 8, 34, "production", ""));
    out.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"38\" y2=\"50\" stroke=\"%s\" stroke-width=\"2\"/>",
        x, x, LIMIT)).append(text(x + 8, 48, "max-rate", ""));
  }

  /** The log axis over every shown rate, bound and limit, from at least 0.01% to at most 100%. */
  static Axis axis(List<TableRow> rows) {
    List<Double> values = new java.util.ArrayList<>(List.of(0.01));
    for (TableRow r : rows) {
      if (r.n() > 0) {
        values.addAll(List.of(r.rate(), r.low(), r.high()));
      }
      if (r.productionN() > 0) {
        values.addAll(List.of(r.productionRate(), r.productionLow(), r.productionHigh()));
      }
      values.addAll(r.maxRates());
    }
    return Axis.logOver(values, 0.0001, 1);
  }

  private static double x(double v, Axis axis) {
    return axis.x(v, LABEL, PLOT);
  }

  private static String text(int x, int y, String escaped, String attributes) {
    return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\"%s>%s</text>\n", x, y,
        attributes.isEmpty() ? "" : " " + attributes, escaped);
  }
}
