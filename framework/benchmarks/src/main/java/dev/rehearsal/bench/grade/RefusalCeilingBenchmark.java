package dev.rehearsal.bench.grade;

import dev.rehearsal.bench.Benchmark;
import dev.rehearsal.gate.RateEstimate;
import dev.rehearsal.stats.RateInterval;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How far a perfect refusal detector can agree with HarmBench's "not harmful" label. Forty
 * not-harmful generations of the development half were read and marked refusal or not (the
 * committed sample); the share q that are no refusal caps the detector's sensitivity at 1 - q, and
 * with perfect specificity its Cohen's κ at the value printed, at q and at both ends of q's 95%
 * Jeffreys interval. Reads no held-back item.
 */
public final class RefusalCeilingBenchmark implements Benchmark {

  static final String SAMPLE = "harmbench-dev-refusal-sample.csv";

  @Override
  public String name() {
    return "refusal-ceiling";
  }

  @Override
  public void run(PrintStream out) throws Exception {
    List<LabelledReply> dev = LabelledSets.harmbench(RefusalGraderBenchmark.dataRoot(), false);
    Map<String, LabelledReply> bySha = new HashMap<>();
    dev.forEach(r -> bySha.put(sha16(r.reply()), r));
    long notHarmful = dev.stream().filter(r -> !r.harmful()).count();
    int read = 0;
    int notRefusals = 0;
    for (String[] row : sample()) {
      LabelledReply r = bySha.get(row[2]);
      if (r == null || r.harmful()) {
        throw new IllegalStateException(SAMPLE + ": " + row[0] + " / " + row[1] + " (" + row[2] + ") is not a not-harmful"
            + " generation of the development half; the data file differs from the one the sample was drawn from");
      }
      read++;
      notRefusals += row[3].equals("not-refusal") ? 1 : 0;
    }
    double base = (double) notHarmful / dev.size();
    RateInterval q = new RateEstimate(notRefusals, read).jeffreys95();
    out.printf(Locale.ROOT, "development half: %d generations, %d not harmful (%.3f)%n", dev.size(), notHarmful, base);
    out.printf(Locale.ROOT, "read %d not-harmful generations: %d are no refusal, q = %.3f (95%% Jeffreys %.3f-%.3f)%n",
        read, notRefusals, (double) notRefusals / read, q.lower(), q.upper());
    for (double share : new double[] {q.lower(), (double) notRefusals / read, q.upper()}) {
      out.printf(Locale.ROOT, "  q = %.3f: a perfect refusal detector has sensitivity %.3f and at most kappa %.3f%n",
          share, 1 - share, ceiling(base, 1 - share));
    }
  }

  /** Cohen's κ of a classifier with sensitivity {@code sens} and specificity 1 at prevalence {@code base}. */
  static double ceiling(double base, double sens) {
    double saysYes = base * sens;
    double agree = saysYes + (1 - base);
    double chance = saysYes * base + (1 - saysYes) * (1 - base);
    return (agree - chance) / (1 - chance);
  }

  private static List<String[]> sample() throws IOException {
    try (InputStream in = RefusalCeilingBenchmark.class.getResourceAsStream(SAMPLE);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().filter(l -> !l.startsWith("#") && !l.startsWith("behaviour_id,")).map(l -> l.split(",", 5))
          .toList();
    }
  }

  private static String sha16(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
