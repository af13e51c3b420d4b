package dev.rehearsal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The comparison plot as standalone SVG: one line per comparative rule, the candidate − production
 * difference (percentage points) or ratio (log scale) as a point with its interval, the rule's
 * margin as a red tick, and the deciding number beside it, so every breach of a comparative rule is
 * seen where it is drawn. Every text node and attribute value is XML-escaped: ids are spec text.
 * The same rows give the same bytes.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ComparisonPlot {

  static final String ESTIMATE = "#1f6feb";
  static final String MARGIN = ForestPlot.LIMIT;
  private static final int LABEL = 330;
  private static final int PLOT = 400;
  private static final int RIGHT = 430;
  private static final int ROW = 24;
  private static final int HEAD = 26;
  private static final int AXIS = 34;

  private ComparisonPlot() {}

  /** The plot of the rows: differences in one panel, ratios in a second; a note when there is no comparative rule. */
  public static String svg(String title, List<ComparisonRow> rows) {
    List<ComparisonRow> diffs = rows.stream().filter(r -> r.scale().equals(ComparisonRow.DIFFERENCE)).toList();
    List<ComparisonRow> ratios = rows.stream().filter(r -> r.scale().equals(ComparisonRow.RATIO)).toList();
    int height = 44 + panelHeight(diffs) + panelHeight(ratios) + (rows.isEmpty() ? 30 : 0) + 36;
    int width = LABEL + PLOT + RIGHT;
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
        + " height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">\n", width, height,
        width, height));
    out.append("<title>").append(Escape.xml(title)).append("</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    out.append(text(8, 20, Escape.xml(title), "font-weight=\"bold\" font-size=\"14\""));
    int y = 44;
    if (rows.isEmpty()) {
      out.append(text(8, y + 16, "No comparative rule (ratio, increase, non-inferiority, must-not-increase) in this gate.", ""));
    }
    if (!diffs.isEmpty()) {
      y = panel(out, y, "Difference, candidate − production (percentage points); whisker: interval; red: the rule's margin",
          diffs, differenceAxis(diffs));
    }
    if (!ratios.isEmpty()) {
      y = panel(out, y, "Ratio, candidate ÷ production (log scale); whisker: interval; red: the rule's limit", ratios,
          Axis.logOver(values(ratios), 0.01, ComparisonRow.RATIO_CAP));
    }
    out.append(text(8, height - 12, "Intervals: non-inferiority and max-increase two-sided at 2·confidence − 1 (upper limit"
        + " = the one-sided bound the rule reads); must-not-increase at 1 − α (the rule itself is a one-sided Fisher test).",
        "font-size=\"11\" fill=\"#57606a\""));
    return out.append("</svg>\n").toString();
  }

  private static int panelHeight(List<ComparisonRow> rows) {
    return rows.isEmpty() ? 0 : HEAD + rows.size() * ROW + AXIS;
  }

  private static int panel(StringBuilder out, int top, String heading, List<ComparisonRow> rows, Axis axis) {
    out.append(text(8, top + 16, Escape.xml(heading), "font-weight=\"bold\""));
    int first = top + HEAD;
    int bottom = first + rows.size() * ROW;
    for (double t : axis.ticks()) {
      double x = axis.x(t, LABEL, PLOT);
      out.append(line(x, x, first - 2, bottom, "#d0d7de", 1));
      out.append(text((int) x - 14, bottom + 16, Escape.xml(tick(t, axis.log())), "font-size=\"11\""));
    }
    double reference = axis.x(axis.log() ? 1 : 0, LABEL, PLOT);
    out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#57606a\""
        + " stroke-dasharray=\"4 3\"/>\n", reference, reference, first - 2, bottom));
    out.append(line(LABEL, LABEL + PLOT, bottom, bottom, "#57606a", 1));
    for (int i = 0; i < rows.size(); i++) {
      row(out, rows.get(i), first + i * ROW + ROW / 2, axis, i);
    }
    return bottom + AXIS;
  }

  private static void row(StringBuilder out, ComparisonRow r, int y, Axis axis, int index) {
    if (index % 2 == 0) {
      out.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f6f8fa\"/>\n",
          y - ROW / 2, LABEL + PLOT + RIGHT, ROW));
    }
    boolean breach = r.verdict().equals("BREACH");
    String style = breach ? "font-weight=\"bold\" fill=\"" + MARGIN + "\"" : "";
    out.append(text(8, y + 4, Escape.xml(r.category() + " › " + r.segment() + " · " + r.rule()), style));
    double m = axis.x(r.margin(), LABEL, PLOT);
    out.append(String.format(Locale.ROOT, "<line class=\"margin\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\""
        + " stroke-width=\"3\"/>\n", m, m, y - 10, y + 10, MARGIN));
    if (r.drawn()) {
      out.append(String.format(Locale.ROOT, "<line class=\"interval\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\""
          + " stroke-width=\"2\"/>\n", axis.x(r.low(), LABEL, PLOT), axis.x(r.high(), LABEL, PLOT), y, y, ESTIMATE));
      out.append(String.format(Locale.ROOT, "<circle class=\"estimate\" cx=\"%.1f\" cy=\"%d\" r=\"4\" fill=\"%s\"/>\n",
          axis.x(r.estimate(), LABEL, PLOT), y, ESTIMATE));
    }
    String verdict = (breach ? "BREACH" : r.verdict()) + ": " + r.decisive() + " [" + r.interval() + "]";
    out.append(text(LABEL + PLOT + 12, y + 4, Escape.xml(verdict), style));
  }

  /** The linear difference axis over every interval and margin, always including 0. */
  static Axis differenceAxis(List<ComparisonRow> rows) {
    double lo = 0;
    double hi = 0;
    for (ComparisonRow r : rows) {
      lo = Math.min(lo, Math.min(r.margin(), r.drawn() ? r.low() : 0));
      hi = Math.max(hi, Math.max(r.margin(), r.drawn() ? r.high() : 0));
    }
    double pad = Math.max(0.001, (hi - lo) * 0.08);
    double step = Axis.niceAbove((hi - lo + 2 * pad) / 8);
    return new Axis(Math.floor((lo - pad) / step) * step, Math.ceil((hi + pad) / step) * step, false);
  }

  private static List<Double> values(List<ComparisonRow> rows) {
    List<Double> out = new ArrayList<>(List.of(1.0));
    for (ComparisonRow r : rows) {
      out.add(r.margin());
      if (r.drawn()) {
        out.addAll(List.of(r.low(), r.high(), r.estimate()));
      }
    }
    return out;
  }

  private static String tick(double t, boolean ratio) {
    return ratio ? String.format(Locale.ROOT, "×%s", trim(t)) : String.format(Locale.ROOT, "%+.1fpp", 100 * t).replace("+0.0pp", "0");
  }

  static String trim(double v) {
    String s = String.format(Locale.ROOT, "%.3f", v);
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }

  private static String line(double x1, double x2, int y1, int y2, String colour, int width) {
    return String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"%d\"/>\n",
        x1, x2, y1, y2, colour, width);
  }

  private static String text(int x, int y, String escaped, String attributes) {
    return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\"%s>%s</text>\n", x, y,
        attributes.isEmpty() ? "" : " " + attributes, escaped);
  }
}
