package dev.rehearsal.report;

import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A forest plot as standalone SVG: one line per category and segment, candidate and production
 * rates as points with their 95% intervals as whiskers, {@code max-rate} limits as red ticks. Every
 * text node and attribute value is XML-escaped, because category and segment ids are spec text.
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

  /** The plot of the given rows; the x axis runs from 0 to a rounded maximum of all bounds and limits. */
  public static String svg(String title, List<TableRow> rows) {
    double max = axisMax(rows);
    int height = TOP + rows.size() * ROW + 40;
    int width = LABEL + PLOT + 140;
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

  private static void row(StringBuilder out, TableRow r, int y, double max, int index) {
    if (index % 2 == 0) {
      out.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f6f8fa\"/>\n",
          y - ROW / 2, LABEL + PLOT + 130, ROW));
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
    out.append(text(LABEL + PLOT + 12, y + 4, Escape.xml(r.verdict()), weight.isEmpty() ? "" : weight.substring(1)));
  }

  private static void mark(StringBuilder out, int y, double rate, double low, double high, int n, double max, String colour) {
    if (n == 0) {
      return;
    }
    out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>\n",
        x(low, max), x(high, max), y, y, colour));
    out.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"3.5\" fill=\"%s\"/>\n", x(rate, max), y, colour));
  }

  private static void axis(StringBuilder out, double max, int height) {
    int bottom = height - 30;
    out.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#57606a\"/>\n",
        LABEL, LABEL + PLOT, bottom, bottom));
    for (int t = 0; t <= 4; t++) {
      double v = max * t / 4;
      double x = x(v, max);
      out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#d0d7de\"/>\n",
          x, x, TOP - 4, bottom));
      out.append(text((int) x - 14, bottom + 16, Escape.xml(Tables.percent(v)), ""));
    }
  }

  private static void legend(StringBuilder out, int x) {
    out.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"14\" r=\"4\" fill=\"%s\"/>", x, CANDIDATE))
        .append(text(x + 8, 18, "candidate", ""));
    out.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"30\" r=\"4\" fill=\"%s\"/>", x, PRODUCTION))
        .append(text(x + 8, 34, "production", ""));
    out.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"38\" y2=\"50\" stroke=\"%s\" stroke-width=\"2\"/>",
        x, x, LIMIT)).append(text(x + 8, 48, "max-rate", ""));
  }

  static double axisMax(List<TableRow> rows) {
    double max = 0.01;
    for (TableRow r : rows) {
      max = Math.max(max, Math.max(r.n() > 0 ? r.high() : 0, r.productionN() > 0 ? r.productionHigh() : 0));
      for (double l : r.maxRates()) {
        max = Math.max(max, l);
      }
    }
    double step = Math.pow(10, Math.floor(Math.log10(max)));
    return Math.min(1, Math.ceil(max * 1.05 / step) * step);
  }

  private static double x(double v, double max) {
    return LABEL + PLOT * Math.min(1, Math.max(0, v / max));
  }

  private static String text(int x, int y, String escaped, String attributes) {
    return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\"%s>%s</text>\n", x, y,
        attributes.isEmpty() ? "" : " " + attributes, escaped);
  }
}
