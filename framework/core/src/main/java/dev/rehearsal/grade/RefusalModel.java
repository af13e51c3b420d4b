package dev.rehearsal.grade;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The frozen logistic regression behind {@code type: refusal}: a bias, one weight per
 * {@link RefusalFeatures#DENSE dense feature} and one per n-gram hash bucket. The weights are the
 * resource {@code refusal-model.txt}, written by the benchmarks module's {@code refusal-model}
 * trainer; its header records the data, split, command and seed. The SHA-256 of the file is part
 * of the grader's procedure, so new weights change the fingerprint and break gate locks.
 *
 * <p>Public for the training code in the benchmarks module only.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record RefusalModel(List<String> header, double bias, double[] dense, double[] buckets, String sha256) {

  static final String RESOURCE = "refusal-model.txt";
  /** The committed model, read once on first use. */
  public static RefusalModel builtIn() {
    return Holder.BUILT_IN;
  }

  private static final class Holder {
    static final RefusalModel BUILT_IN = load();
  }

  /** The log-odds that the reply refused (or did not carry out) the request. */
  public double logit(RefusalFeatures.Vector v) {
    double z = bias;
    for (int i = 0; i < dense.length; i++) {
      z += dense[i] * v.dense()[i];
    }
    for (int b : v.buckets()) {
      z += buckets[b];
    }
    return z;
  }

  /** The file text: header lines as comments, then {@code bias}, dense and bucket weights. */
  public String render() {
    StringBuilder out = new StringBuilder();
    header.forEach(h -> out.append("# ").append(h).append('\n'));
    out.append("bias ").append(num(bias)).append('\n');
    for (int i = 0; i < dense.length; i++) {
      out.append("dense ").append(RefusalFeatures.DENSE.get(i)).append(' ').append(num(dense[i])).append('\n');
    }
    out.append("buckets ").append(buckets.length).append('\n');
    for (int i = 0; i < buckets.length; i += 16) {
      StringBuilder line = new StringBuilder();
      for (int j = i; j < Math.min(buckets.length, i + 16); j++) {
        line.append(j == i ? "" : " ").append(num(buckets[j]));
      }
      out.append(line).append('\n');
    }
    return out.toString();
  }

  private static String num(double w) {
    String s = String.format(Locale.ROOT, "%.4f", w);
    return s.equals("-0.0000") ? "0.0000" : s;
  }

  /** Parses the file format {@link #render()} writes; errors name the line. */
  public static RefusalModel parse(String text) {
    List<String> header = new ArrayList<>();
    double bias = 0;
    double[] dense = new double[RefusalFeatures.DENSE.size()];
    List<Double> buckets = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      try {
        if (line.startsWith("# ")) {
          header.add(line.substring(2));
        } else if (line.startsWith("bias ")) {
          bias = Double.parseDouble(line.substring(5));
        } else if (line.startsWith("dense ")) {
          String[] f = line.split(" ");
          int i = RefusalFeatures.DENSE.indexOf(f[1]);
          if (i < 0) {
            throw new IllegalArgumentException("unknown dense feature '" + f[1] + "'");
          }
          dense[i] = Double.parseDouble(f[2]);
        } else if (!line.isEmpty() && !line.startsWith("buckets ")) {
          for (String w : line.split(" ")) {
            buckets.add(Double.parseDouble(w));
          }
        }
      } catch (RuntimeException e) {
        throw new IllegalStateException(RESOURCE + ":" + (n + 1) + ": " + e.getMessage()
            + "; retrain with -Dbench=refusal-model (see BENCHMARKS.md, refusal-grader)", e);
      }
    }
    if (buckets.size() != RefusalFeatures.BUCKETS) {
      throw new IllegalStateException(RESOURCE + " has " + buckets.size() + " bucket weights, expected "
          + RefusalFeatures.BUCKETS + "; retrain with -Dbench=refusal-model (see BENCHMARKS.md, refusal-grader)");
    }
    return new RefusalModel(List.copyOf(header), bias, dense,
        buckets.stream().mapToDouble(Double::doubleValue).toArray(), sha256(text));
  }

  private static RefusalModel load() {
    try (InputStream in = RefusalModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Resource " + RESOURCE + " is missing from the core jar");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
