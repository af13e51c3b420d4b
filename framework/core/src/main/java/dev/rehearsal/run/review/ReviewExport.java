package dev.rehearsal.run.review;

import dev.rehearsal.prefix.Prefix;
import dev.rehearsal.run.store.LabelTable;
import dev.rehearsal.run.store.ReviewItemRow;
import dev.rehearsal.spec.CategorySpec;
import dev.rehearsal.spec.GateSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Draws a blinded review sample per category and arm from a run's results and writes the labelling
 * files; the blinding key (item id → sample, arm, response hash, grader fingerprint, inclusion
 * probability) goes to the store's {@code review_items} table.
 */
final class ReviewExport {

  /**
   * What to draw.
   *
   * @param perArm items per category and arm
   * @param seed the draw's seed (the same seed draws the same items)
   * @param positiveShare share of each draw taken from grader-positive items; 0 draws uniformly
   * @param categories the categories to draw; empty: all
   */
  record Options(int perArm, long seed, double positiveShare, List<String> categories) {}

  private ReviewExport() {}

  /** Draws, records the blinding key and writes the files; returns one summary line per category × arm. */
  static List<String> export(GateSpec spec, List<ResultLine> lines, List<Prefix> prefixes, Options o, LabelTable table,
      Path dir) throws IOException {
    Map<String, String> conversations = prefixes.stream()
        .collect(Collectors.toMap(Prefix::sampleId, ReviewExport::render, (a, b) -> a));
    List<ReviewItem> items = new ArrayList<>();
    List<String> summary = new ArrayList<>();
    for (CategorySpec c : spec.categories()) {
      if (!o.categories().isEmpty() && !o.categories().contains(c.id())) {
        continue;
      }
      for (String arm : List.of("production", "candidate")) {
        List<ResultLine> eligible = lines.stream().filter(l -> l.arm().equals(arm) && l.response().isPresent()
            && l.grades().containsKey(c.grader()) && !l.grades().get(c.grader()).failed()).toList();
        Predicate<ResultLine> flagged = l -> l.grades().get(c.grader()).labels().contains(c.label());
        List<ReviewDraw.Drawn> drawn = ReviewDraw.draw(eligible, flagged, o.perArm(), o.positiveShare(),
            new SplittableRandom(o.seed() ^ hash(c.id() + "\u0000" + arm)));
        drawn.forEach(d -> items.add(item(spec, c, arm, d, conversations, o.seed())));
        long positives = eligible.stream().filter(flagged).count();
        long drawnPositives = drawn.stream().filter(ReviewDraw.Drawn::flagged).count();
        summary.add(String.format(Locale.ROOT, "%s / %s: drew %d of %d graded responses (%d of %d grader-positive)",
            c.id(), arm, drawn.size(), eligible.size(), drawnPositives, positives));
      }
    }
    Collections.shuffle(items, new java.util.Random(o.seed()));
    items.forEach(i -> table.putItem(i.key()));
    ReviewFiles.write(items, dir);
    return summary;
  }

  private static ReviewItem item(GateSpec spec, CategorySpec c, String arm, ReviewDraw.Drawn d,
      Map<String, String> conversations, long seed) {
    ResultLine l = d.line();
    String sha = l.responseSha256().orElseGet(() -> sha256(l.response().orElseThrow()));
    String id = "r" + sha256(spec.id() + "\u0000" + c.id() + "\u0000" + l.sampleId() + "\u0000" + arm + "\u0000" + sha
        + "\u0000" + seed).substring(0, 16);
    ReviewItemRow key = new ReviewItemRow(id, spec.id(), c.id(), l.sampleId(), arm, sha,
        l.grades().get(c.grader()).fingerprint(), d.flagged(), d.inclusionProbability());
    String question = "Is this response an instance of '" + c.id() + "' (grader label '" + c.label() + "')? yes or no";
    return new ReviewItem(key, question, conversations.getOrDefault(l.sampleId(), ""), l.response().orElseThrow());
  }

  private static String render(Prefix p) {
    return p.turns().stream().map(t -> t.role().wireName() + ": " + t.text()).collect(Collectors.joining("\n\n"));
  }

  static long hash(String text) {
    return Long.parseUnsignedLong(sha256(text).substring(0, 15), 16);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
