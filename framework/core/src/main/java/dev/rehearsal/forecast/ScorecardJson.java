package dev.rehearsal.forecast;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The scorecard as a JSON tree: every number a reader needs to re-derive the scores. */
final class ScorecardJson {

  private ScorecardJson() {}

  static ObjectNode tree(ObjectMapper json, ScorecardRun run) {
    Scorecard card = run.scorecard();
    ObjectNode root = json.createObjectNode().put("scorecard", card.id()).put("release", card.release())
        .put("moveFactor", card.options().moveFactor()).put("confidence", card.options().confidence())
        .put("minFidelityEvents", card.options().calibration().minEvents()).put("maxError", card.options().maxError())
        .put("testedMethod", card.options().scored().wireName());
    ObjectNode summaries = root.putObject("methods");
    card.summaries().values().stream().sorted(java.util.Comparator.comparing(MethodSummary::method)).forEach(s ->
        summaries.putObject(s.method().wireName()).put("label", s.method().label()).put("totalNll", s.totalNll())
            .put("totalNllRegret", s.totalRegret()).put("totalPredictiveNll", s.totalPredictiveNll())
            .put("geometricMeanMultiplicativeError", s.geometricMeanError()).put("movedCategories", s.moved())
            .put("directionRight", s.directionRight()).put("directionalAccuracy", s.directionalAccuracy())
            .put("intervalCoverage", s.coverage()));
    card.comparisons().forEach(c -> root.withArray("pairedTests").addObject().put("method", c.method().wireName())
        .put("against", c.against().wireName()).put("test", "Wilcoxon signed-rank, two-sided")
        .put("categories", c.categories()).put("meanNllDifference", c.meanDifference()).put("statistic", c.statistic())
        .put("pValue", c.pValue()));
    root.putObject("taxonomyCoverage").put("findings", card.coverage().findings())
        .put("explained", card.coverage().explained()).put("share", card.coverage().share())
        .set("unexplained", json.valueToTree(card.coverage().unexplained()));
    for (CategoryScore c : card.categories()) {
      category(root.withArray("categories").addObject(), c);
    }
    run.segments().forEach(s -> root.withArray("segments").addObject().put("category", s.category())
        .put("segment", s.segment()).put("forecast", s.forecast().toString()).put("realized", s.realized().toString())
        .put("forecastRate", s.forecast().rate()).put("realizedRate", s.realized().rate())
        .put("multiplicativeError", s.multiplicativeError()));
    return root;
  }

  private static void category(ObjectNode node, CategoryScore c) {
    CategoryInputs in = c.inputs();
    node.put("category", c.category()).put("simulatedXY", in.simulatedXY().toString())
        .put("productionY", in.productionY().toString()).put("simulatedYY", in.simulatedYY().toString())
        .put("challenging", in.challenging().map(Counts::toString).orElse("")).put("realized", in.realized().toString())
        .put("realizedRate", in.realized().rate()).put("realizedDirection", c.realizedDirection())
        .put("fidelityLogError", c.fidelityLogError()).put("shiftLogError", c.shiftLogError());
    ObjectNode methods = node.putObject("methods");
    c.scores().values().stream().sorted(java.util.Comparator.comparing(MethodScore::method)).forEach(s ->
        methods.putObject(s.method().wireName()).put("forecast", s.prediction().rate())
            .put("lower", s.prediction().lower()).put("upper", s.prediction().upper()).put("nll", s.nll())
            .put("nllRegret", s.regret()).put("predictiveNll", s.predictiveNll())
            .put("multiplicativeError", s.multiplicativeError()).put("covered", s.covered())
            .put("direction", s.direction()));
  }
}
