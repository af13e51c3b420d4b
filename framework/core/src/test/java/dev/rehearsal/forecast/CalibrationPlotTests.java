package dev.rehearsal.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class CalibrationPlotTests {

  @Test
  void escapes_every_text_so_markup_in_a_category_id_stays_text() throws Exception {
    CategoryInputs in = new CategoryInputs("a<script>&\"x\"", new Counts(10, 1000), new Counts(20, 1000),
        new Counts(18, 1000), Optional.empty(), new Counts(12, 1000));
    Scorecard card = Scorecard.of("s&<>", "r'1", ScoringOptions.defaults(), List.of(in), TaxonomyCoverage.none());

    String svg = CalibrationPlot.render(card);
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));

    assertThat(svg).doesNotContain("<script>").contains("a&lt;script&gt;&amp;&quot;x&quot;");
    assertThat(doc.getElementsByTagName("script").getLength()).isZero();
    assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).startsWith("a<script>&\"x\"");
  }
}
