package dev.rehearsal.forecast;

import dev.rehearsal.stats.RateInterval;
import java.util.Locale;
import java.util.Map;

/**
 * The calibration plot as standalone SVG: forecast against realized rate on log-log axes, with each
 * forecast's interval (horizontal) and the realized Jeffreys interval (vertical), the diagonal and
 * the 1.5× and 3× bands. Every text is XML-escaped: category ids come from spec files.
 */
final class CalibrationPlot {

  static final int WIDTH = 900;
  static final int HEIGHT = 700;
  private static final int LEFT = 90;
  private static final int RIGHT = 230;
  private static final int TOP = 60;
  private static final int BOTTOM = 70;
  private static final Map<Method, String> COLOURS = Map.of(Method.RAW, "#1f77b4", Method.CALIBRATED, "#2ca02c",
      Method.PREVIOUS, "#7f7f7f", Method.CHALLENGING, "#d62728");

  private final double lo;
  private final double hi;

  private CalibrationPlot(double lo, double hi) {
    this.lo = lo;
    this.hi = hi;
  }

  static String render(Scorecard card) {
    double min = 1;
    double max = 0;
    for (CategoryScore c : card.categories()) {
      for (MethodScore s : c.scores().values()) {
        // Points set the range; intervals are clipped to it (a zero-event interval reaches far below).
        min = Math.min(min, Math.min(s.prediction().rate(), c.inputs().realized().rate()));
        max = Math.max(max, Math.max(s.prediction().rate(), c.inputs().realized().rate()));
      }
    }
    double lo = Math.pow(10, Math.floor(Math.log10(Math.max(min, 1e-6))));
    double hi = Math.pow(10, Math.ceil(Math.log10(Math.max(max, lo * 10))));
    return new CalibrationPlot(lo, hi).svg(card);
  }

  private String svg(Scorecard card) {
    StringBuilder s = new StringBuilder();
    s.append(f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
        + " font-family=\"sans-serif\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", WIDTH, HEIGHT,
        WIDTH, HEIGHT));
    s.append(text(WIDTH / 2.0 - 60, 30, 18, "middle", "Forecast calibration: " + card.id() + " (release "
        + card.release() + ")"));
    bands(s);
    axes(s);
    for (CategoryScore c : card.categories()) {
      RateInterval realized = c.inputs().realized().jeffreys().interval(card.options().confidence());
      for (MethodScore m : c.scores().values()) {
        point(s, c, m, realized);
      }
    }
    legend(s, card);
    return s.append("</svg>\n").toString();
  }

  private void bands(StringBuilder s) {
    for (double[] band : new double[][] {{3, 0.10}, {1.5, 0.15}}) {
      s.append(f("<polygon points=\"%s\" fill=\"#9ecae1\" fill-opacity=\"%.2f\"/>%n", bandPoints(band[0]), band[1]));
    }
    s.append(f("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\" stroke-dasharray=\"4 3\"/>%n",
        x(lo), y(lo), x(hi), y(hi)));
    double at = lo * 10;
    s.append(text(x(at) + 4, y(at / 3) + 4, 11, "start", "3×"));
    s.append(text(x(at) + 4, y(at / 1.5) + 4, 11, "start", "1.5×"));
    s.append(text(x(at) + 4, y(at) + 4, 11, "start", "forecast = realized"));
  }

  /** The region between realized = forecast / factor and realized = forecast · factor, clipped to the plot. */
  private String bandPoints(double factor) {
    return f("%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f", x(lo), y(lo), x(lo), y(lo * factor),
        x(hi / factor), y(hi), x(hi), y(hi), x(hi), y(hi / factor), x(lo * factor), y(lo));
  }

  private void axes(StringBuilder s) {
    s.append(f("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"black\"/>%n", LEFT, TOP,
        WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM));
    for (double d = lo; d <= hi * 1.0001; d *= 10) {
      s.append(f("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n", x(d), TOP, x(d), HEIGHT - BOTTOM));
      s.append(f("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", LEFT, y(d), WIDTH - RIGHT, y(d)));
      s.append(text(x(d), HEIGHT - BOTTOM + 18, 12, "middle", tick(d)));
      s.append(text(LEFT - 8, y(d) + 4, 12, "end", tick(d)));
    }
    s.append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 25, 14, "middle", "forecast rate (log scale)"));
    s.append(f("<text x=\"25\" y=\"%.1f\" font-size=\"14\" text-anchor=\"middle\" transform=\"rotate(-90 25 %.1f)\">"
        + "realized production rate (log scale)</text>%n", (TOP + HEIGHT - BOTTOM) / 2.0, (TOP + HEIGHT - BOTTOM) / 2.0));
  }

  private void point(StringBuilder s, CategoryScore c, MethodScore m, RateInterval realized) {
    String colour = COLOURS.get(m.method());
    double px = x(m.prediction().rate());
    double py = y(c.inputs().realized().rate());
    s.append(f("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.5\"/>%n",
        x(Math.max(lo, m.prediction().lower())), py, x(Math.min(hi, m.prediction().upper())), py, colour));
    s.append(f("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-opacity=\"0.5\"/>%n", px,
        y(Math.max(lo, realized.lower())), px, y(Math.min(hi, realized.upper())), colour));
    s.append(f("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" fill=\"%s\"><title>%s</title></circle>%n", px, py, colour,
        escape(c.category() + " · " + m.method().label() + f(": forecast %.4f, realized %.4f, error %.2f×",
            m.prediction().rate(), c.inputs().realized().rate(), m.multiplicativeError()))));
    if (m.method() == Method.RAW) {
      s.append(text(px + 7, py - 6, 10, "start", c.category().substring(c.category().indexOf('/') + 1)));
    }
  }

  private void legend(StringBuilder s, Scorecard card) {
    int top = TOP + 10;
    for (Method m : Method.values()) {
      if (!card.summaries().containsKey(m)) {
        continue;
      }
      s.append(f("<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"%s\"/>%n", WIDTH - RIGHT + 20, top, COLOURS.get(m)));
      s.append(text(WIDTH - RIGHT + 32, top + 4, 12, "start", m.label()));
      s.append(text(WIDTH - RIGHT + 32, top + 19, 11, "start", f("total NLL %.1f", card.summary(m).totalNll())));
      top += 40;
    }
    s.append(text(WIDTH - RIGHT + 14, top + 4, 11, "start", "bars: forecast interval (—),"));
    s.append(text(WIDTH - RIGHT + 14, top + 19, 11, "start", "realized Jeffreys interval (|)"));
    s.append(text(WIDTH - RIGHT + 14, top + 34, 11, "start", "shaded: within 1.5× and 3×"));
  }

  private double x(double rate) {
    return LEFT + (WIDTH - LEFT - RIGHT) * Math.log(rate / lo) / Math.log(hi / lo);
  }

  private double y(double rate) {
    return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * Math.log(rate / lo) / Math.log(hi / lo);
  }

  /** A decade as a percentage, from its exponent so that no floating-point noise shows (0.001%, 1%, 10%). */
  private static String tick(double decade) {
    int exponent = (int) Math.round(Math.log10(decade));
    return java.math.BigDecimal.ONE.scaleByPowerOfTen(exponent + 2).toPlainString() + "%";
  }

  private static String text(double x, double y, int size, String anchor, String content) {
    return f("<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\">%s</text>%n", x, y, size, anchor,
        escape(content));
  }

  /** XML-escapes text content and attribute values. */
  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&apos;");
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
