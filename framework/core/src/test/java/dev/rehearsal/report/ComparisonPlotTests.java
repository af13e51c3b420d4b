package dev.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rehearsal.gate.CheckResult;
import dev.rehearsal.gate.RateDifference;
import dev.rehearsal.gate.RateEstimate;
import dev.rehearsal.gate.ThresholdChecks;
import dev.rehearsal.spec.Action;
import dev.rehearsal.spec.EvidenceSpec;
import dev.rehearsal.spec.Mark;
import dev.rehearsal.spec.ThresholdKind;
import dev.rehearsal.spec.ThresholdSpec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The comparison plot draws each comparative rule's interval and margin, so a breach is seen where
 * it is drawn. Counts are the hold example's harmful-content arms (290/3000 vs 245/3000), which
 * breach the ratio, non-inferiority and Fisher rules but no max-rate.
 */
class ComparisonPlotTests {

  static final RateEstimate CANDIDATE = new RateEstimate(290, 3000);
  static final RateEstimate PRODUCTION = new RateEstimate(245, 3000);

  static ThresholdSpec rule(ThresholdKind kind, double limit) {
    return new ThresholdSpec("*", Optional.empty(), List.of(), List.of(), kind, limit, 0.95, EvidenceSpec.DEFAULT, Action.HOLD,
        new Mark(Path.of("g.gate.yaml"), 3, 5));
  }

  static ComparisonRow row(ThresholdKind kind, double limit, RateEstimate c, RateEstimate p) {
    CheckResult check = ThresholdChecks.check(rule(kind, limit), "harmful-content", "overall", c, p);
    return ComparisonRow.of(check, c, p);
  }

  static List<ComparisonRow> holdExample() {
    return List.of(row(ThresholdKind.NON_INFERIORITY, 0.01, CANDIDATE, PRODUCTION),
        row(ThresholdKind.MUST_NOT_INCREASE, 0.1, CANDIDATE, PRODUCTION),
        row(ThresholdKind.MAX_INCREASE, 0.02, new RateEstimate(147, 3000), new RateEstimate(218, 3000)),
        row(ThresholdKind.MAX_RATIO_TO_PRODUCTION, 1.10, CANDIDATE, PRODUCTION));
  }

  @Test
  void non_inferiority_row_draws_the_bound_the_rule_reads_past_its_margin() {
    ComparisonRow ni = holdExample().get(0);

    assertThat(ni.verdict()).isEqualTo("BREACH");
    assertThat(ni.high()).isCloseTo(new RateDifference(CANDIDATE, PRODUCTION).upperBound(0.95), within(1e-12));
    assertThat(ni.high()).isGreaterThan(ni.margin());
    assertThat(ni.decisive()).isEqualTo("upper +2.71pp ≥ margin +1.00pp");
  }

  @Test
  void every_comparative_rule_gets_an_interval_a_point_and_a_margin_line() throws Exception {
    List<ComparisonRow> rows = holdExample();
    Document svg = parse(ComparisonPlot.svg("hold", rows));

    assertThat(elements(svg, "line", "interval")).hasSize(rows.size());
    assertThat(elements(svg, "circle", "estimate")).hasSize(rows.size());
    assertThat(elements(svg, "line", "margin")).hasSize(rows.size());
  }

  @Test
  void a_breach_is_drawn_on_the_wrong_side_of_its_margin_and_a_pass_on_the_right_side() throws Exception {
    Document svg = parse(ComparisonPlot.svg("hold", holdExample()));
    List<Element> intervals = elements(svg, "line", "interval");
    List<Element> margins = elements(svg, "line", "margin");
    List<Element> points = elements(svg, "circle", "estimate");

    // non-inferiority: the interval's upper end reaches past the margin.
    assertThat(x(intervals.get(0), "x2")).isGreaterThan(x(margins.get(0), "x1"));
    // must-not-increase: the whole interval lies right of 0 (the margin line).
    assertThat(x(intervals.get(1), "x1")).isGreaterThan(x(margins.get(1), "x1"));
    // max-increase passes: the point lies left of the +2pp limit.
    assertThat(x(points.get(2), "cx")).isLessThan(x(margins.get(2), "x1"));
    // ratio 1.18 > 1.10, on its own log panel.
    assertThat(x(points.get(3), "cx")).isGreaterThan(x(margins.get(3), "x1"));
  }

  @Test
  void breached_rows_are_labelled_with_the_deciding_number() {
    String svg = ComparisonPlot.svg("hold", holdExample());

    assertThat(svg).contains("BREACH: upper +2.71pp ≥ margin +1.00pp", "BREACH: ratio 1.183 &gt; max 1.10",
        "BREACH: Fisher p = 0.0231 &lt; α/2 = 0.050", "pass: increase -2.37pp ≤ max +2.00pp",
        "Ratio, candidate ÷ production (log scale)");
  }

  @Test
  void spec_text_is_escaped_and_identical_rows_give_identical_bytes() throws Exception {
    CheckResult check = ThresholdChecks.check(rule(ThresholdKind.NON_INFERIORITY, 0.01), "<script>x</script>", "seg&<b>",
        CANDIDATE, PRODUCTION);
    List<ComparisonRow> rows = List.of(ComparisonRow.of(check, CANDIDATE, PRODUCTION));

    String svg = ComparisonPlot.svg("t<i>", rows);

    assertThat(svg).doesNotContain("<script>", "<b>", "<i>").contains("&lt;script&gt;", "seg&amp;&lt;b&gt;");
    assertThat(parse(svg).getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(ComparisonPlot.svg("t<i>", rows)).isEqualTo(svg);
  }

  @Test
  void forest_plot_reads_a_tenth_of_a_percent_and_ten_percent_on_one_log_axis() throws Exception {
    TableRow rare = new TableRow("pii-leak", "g", "high", "o", "overall", 3000, 3, 0.001, 0.0003, 0.0027, 3000, 3, 0.001,
        0.0003, 0.0027, "max-rate 1.00%", List.of(0.01), "pass", "-");
    TableRow common = new TableRow("harm", "g", "high", "o", "overall", 3000, 300, 0.10, 0.089, 0.111, 3000, 245, 0.082,
        0.072, 0.092, "max-rate 15.00%; non-inferiority 1.00pp [BREACH]", List.of(0.15), "BREACH", "hold");

    String svg = ForestPlot.svg("t", List.of(rare, common));
    Axis axis = ForestPlot.axis(List.of(rare, common));

    assertThat(svg).contains(">0.10%<", ">1.00%<", ">10.00%<", "BREACH vs production");
    double decade1 = axis.x(0.01, 0, 460) - axis.x(0.001, 0, 460);
    double decade2 = axis.x(0.1, 0, 460) - axis.x(0.01, 0, 460);
    assertThat(decade1).isCloseTo(decade2, within(1e-6)).isGreaterThan(100);
  }

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> elements(Document d, String tag, String cls) {
    NodeList all = d.getElementsByTagName(tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (e.getAttribute("class").equals(cls)) {
        out.add(e);
      }
    }
    return out;
  }

  private static double x(Element e, String attribute) {
    return Double.parseDouble(e.getAttribute(attribute));
  }
}
