package dev.rehearsal.bench.prefix;

import dev.rehearsal.prefix.Prefix;
import dev.rehearsal.prefix.PrefixSampler;
import dev.rehearsal.prefix.Sample;
import dev.rehearsal.spec.BadDataSpec;
import dev.rehearsal.spec.DeidSpec;
import dev.rehearsal.spec.EligibilitySpec;
import dev.rehearsal.spec.Mark;
import dev.rehearsal.spec.PrefixSpec;
import dev.rehearsal.spec.SampleSpec;
import dev.rehearsal.spec.SegmentRule;
import dev.rehearsal.spec.SegmentSpec;
import dev.rehearsal.spec.SourceSpec;
import dev.rehearsal.spec.SqlSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One sampler in a fresh JVM, so its peak RSS is its own: {@code streaming FILE.jsonl} or
 * {@code duckdb GLOB.parquet}, best of {@link #ROUNDS} passes. Prints {@code RESULT key=value} with a
 * hash of the sorted sample ids, so the parent can show both samplers drew the same sample.
 */
public final class PushdownRun {

  static final int ROUNDS = 2;
  static final int SIZE = 2_000;
  static final long SEED = 20261206L;

  private PushdownRun() {}

  public static void main(String[] args) throws Exception {
    PrefixSpec spec = spec(args[0], Path.of(args[1]));
    double best = Double.MAX_VALUE;
    Sample sample = null;
    for (int round = 0; round < ROUNDS; round++) {
      long t0 = System.nanoTime();
      sample = new PrefixSampler(spec).sample();
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
    }
    List<String> ids = new ArrayList<>(sample.prefixes().stream().map(Prefix::sampleId).toList());
    ids.sort(null);
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\n", ids).getBytes(StandardCharsets.UTF_8));
    System.out.printf(Locale.ROOT, "RESULT seconds=%.3f conversations=%d eligible=%d sampled=%d ids_sha256=%s"
        + " first_ids=%s vmhwm_mb=%.1f population=%s%n", best, sample.report().conversations(),
        sample.report().eligibleTurns(), ids.size(), HexFormat.of().formatHex(digest).substring(0, 16),
        String.join(",", ids.subList(0, 3)), SamplingRun.vmHwmKb() / 1024.0,
        sample.population().toString().replace(" ", ""));
  }

  /** Stratified by tier (proportional), keyed by md5, with the logged-reply check. */
  static PrefixSpec spec(String mode, Path file) {
    Mark mark = new Mark(file, 1, 1);
    List<SegmentSpec> segments = new ArrayList<>();
    for (String tier : SyntheticLogGenerator.TIERS) {
      segments.add(new SegmentSpec(tier, SegmentRule.parse("metadata.tier == '" + tier + "'"), mark));
    }
    SourceSpec source = mode.equals("streaming") ? SourceSpec.file("openai-messages", file, mark)
        : new SourceSpec("turn-rows", Optional.empty(), Optional.empty(), "prompt", Optional.empty(), mark, Optional.empty(),
            Optional.of(new SqlSpec(SqlSpec.DEFAULT_URL, Optional.of(file.toString()), Optional.empty(),
                file.getFileName().toString(), SqlSpec.Columns.DEFAULT, mark)));
    SampleSpec sample = new SampleSpec(SIZE, SEED, SampleSpec.Allocation.PROPORTIONAL, 0, Map.of(), false, 1, mark,
        Optional.empty(), SampleSpec.Key.MD5);
    return new PrefixSpec(source, new EligibilitySpec(1, Integer.MAX_VALUE, true, true), sample, segments,
        DeidSpec.DEFAULT, BadDataSpec.DEFAULT);
  }
}
