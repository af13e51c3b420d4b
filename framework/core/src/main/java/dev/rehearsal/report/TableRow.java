package dev.rehearsal.report;

import dev.rehearsal.gate.CheckResult;
import dev.rehearsal.gate.RateEstimate;
import dev.rehearsal.run.CategoryResult;
import dev.rehearsal.run.GateRun;
import dev.rehearsal.spec.Action;
import dev.rehearsal.spec.ThresholdKind;
import java.util.ArrayList;
import java.util.List;
import dev.rehearsal.stats.RateInterval;
import org.apiguardian.api.API;

/**
 * One row of the decision table: a category in one segment, both arms' rates with Jeffreys 95%
 * intervals, the thresholds checked there and the verdict. Rates are 0 and intervals [0, 1] when n is 0.
 *
 * @param category the category id
 * @param group the category group
 * @param severity the category severity
 * @param owner who owns the category
 * @param segment the segment, or {@code overall}
 * @param n candidate graded responses
 * @param k candidate flagged responses
 * @param rate candidate rate
 * @param low candidate interval low
 * @param high candidate interval high
 * @param productionN production graded responses
 * @param productionK production flagged responses
 * @param productionRate production rate
 * @param productionLow production interval low
 * @param productionHigh production interval high
 * @param threshold the thresholds checked here ({@code -} if none), each blocking one marked {@value #BREACH_MARK}
 *     or {@value #NO_EVIDENCE_MARK}
 * @param maxRates the {@code max-rate} limits checked here, for plots
 * @param verdict {@code pass}, {@code BREACH}, {@code inconclusive→abort} or {@code info}
 * @param action the action if the row blocks, else {@code -}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TableRow(
    String category,
    String group,
    String severity,
    String owner,
    String segment,
    int n,
    int k,
    double rate,
    double low,
    double high,
    int productionN,
    int productionK,
    double productionRate,
    double productionLow,
    double productionHigh,
    String threshold,
    List<Double> maxRates,
    String verdict,
    String action) {

  /** Marks a breached rule in the threshold cell. */
  public static final String BREACH_MARK = "[BREACH]";
  /** Marks a rule that blocks for too few samples ({@code on-inconclusive: fail}). */
  public static final String NO_EVIDENCE_MARK = "[too few samples]";

  public TableRow {
    maxRates = List.copyOf(maxRates);
  }

  /** The rows of a run: categories in spec order, segments in spec order, then {@code overall}. */
  public static List<TableRow> of(GateRun run) {
    List<TableRow> rows = new ArrayList<>();
    List<String> segments = new ArrayList<>(run.segments());
    segments.add(GateRun.OVERALL);
    for (CategoryResult r : run.categories().values()) {
      for (String s : segments) {
        rows.add(of(r, s));
      }
    }
    return rows;
  }

  static TableRow of(CategoryResult r, String segment) {
    RateEstimate c = r.candidate().get(segment);
    RateEstimate p = r.production().get(segment);
    List<CheckResult> checks = r.checks(segment);
    double[] ci = interval(c);
    double[] pi = interval(p);
    String threshold = checks.isEmpty() ? "-" : String.join("; ", checks.stream().map(TableRow::marked).toList());
    List<Double> maxRates = checks.stream().filter(x -> x.threshold().kind() == ThresholdKind.MAX_RATE)
        .map(x -> x.threshold().limit()).toList();
    String action = checks.stream().filter(CheckResult::blocks).map(x -> x.threshold().onBreach())
        .reduce(Action.SHIP, Action::max).wireName();
    boolean blocks = checks.stream().anyMatch(CheckResult::blocks);
    return new TableRow(r.category().id(), r.category().group(), r.category().severity().wireName(), r.category().owner(),
        segment, c.n(), c.k(), c.n() == 0 ? 0 : c.rate(), ci[0], ci[1], p.n(), p.k(), p.n() == 0 ? 0 : p.rate(), pi[0], pi[1],
        threshold, maxRates, verdict(checks), blocks ? action : "-");
  }

  /** The rule, marked when it is the one that blocks: a cell lists several rules and only some breach. */
  private static String marked(CheckResult c) {
    return c.threshold().describeLimit() + (c.breached() ? " " + BREACH_MARK : c.blocks() ? " " + NO_EVIDENCE_MARK : "");
  }

  private static String verdict(List<CheckResult> checks) {
    if (checks.isEmpty()) {
      return "info";
    }
    if (checks.stream().anyMatch(CheckResult::breached)) {
      return "BREACH";
    }
    return checks.stream().filter(CheckResult::inconclusive).findFirst().map(CheckResult::verdict).orElse("pass");
  }

  private static double[] interval(RateEstimate e) {
    if (e.n() == 0) {
      return new double[] {0, 1};
    }
    RateInterval i = e.jeffreys95();
    return new double[] {i.lower(), i.upper()};
  }

  /** "k/n = rate [low, high]" for the candidate. */
  public String describeCandidate() {
    return describe(k, n, rate, low, high);
  }

  /** "k/n = rate [low, high]" for production. */
  public String describeProduction() {
    return describe(productionK, productionN, productionRate, productionLow, productionHigh);
  }

  private static String describe(int k, int n, double rate, double low, double high) {
    if (n == 0) {
      return "0/0 (no graded responses)";
    }
    return k + "/" + n + " = " + RateEstimate.percent(rate) + " [" + RateEstimate.percent(low) + ", "
        + RateEstimate.percent(high) + "]";
  }
}
