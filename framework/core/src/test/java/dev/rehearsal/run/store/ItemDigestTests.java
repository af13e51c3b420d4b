package dev.rehearsal.run.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The items' digest decides whether a rerun rewrites a run's rows, so it must not change from one
 * version to the next: these tests compare it with the text-based computation it replaced.
 */
class ItemDigestTests {

  private static final List<String> PIECES = List.of("", "a", "log.jsonl:12", "production", "replay: logged", "[]",
      "[{\"label\":\"refusal\",\"span\":\"I can't\",\"start\":0,\"end\":7}]", "café", "我不能", "\uD83D\uDE00",
      "\uD83D", "\uDE00x", "\u0000", "0".repeat(9_000), "é".repeat(5_000), "model timed out after 30 s");

  @Test
  void digest_of_seeded_items_equals_the_string_based_digest_it_replaced() {
    SplittableRandom random = new SplittableRandom(11);
    for (int round = 0; round < 300; round++) {
      List<ItemRow> items = new ArrayList<>();
      for (int i = random.nextInt(0, 6); i > 0; i--) {
        items.add(item(random));
      }
      assertThat(ItemTable.digest(items)).as("round %d", round).isEqualTo(reference(items));
    }
  }

  private static ItemRow item(SplittableRandom random) {
    List<ItemRow.Grade> grades = new ArrayList<>();
    for (int g = random.nextInt(0, 4); g > 0; g--) {
      grades.add(new ItemRow.Grade(piece(random), piece(random), piece(random), piece(random),
          random.nextBoolean() ? Optional.empty() : Optional.of(piece(random))));
    }
    boolean answered = random.nextBoolean();
    return new ItemRow(piece(random), piece(random), piece(random), piece(random), random.nextDouble() * 3,
        piece(random), answered ? Optional.of(piece(random)) : Optional.empty(),
        answered ? Optional.of(piece(random)) : Optional.empty(),
        answered ? Optional.empty() : Optional.of(piece(random)), grades);
  }

  private static String piece(SplittableRandom random) {
    StringBuilder b = new StringBuilder();
    for (int k = random.nextInt(1, 4); k > 0; k--) {
      b.append(PIECES.get(random.nextInt(PIECES.size())));
    }
    return b.toString();
  }

  /** The computation before commit "items digest fed piece by piece": one String per row, then its UTF-8 bytes. */
  private static String reference(List<ItemRow> items) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      StringBuilder b = new StringBuilder(512);
      for (ItemRow r : items) {
        b.setLength(0);
        field(b, r.sampleId());
        field(b, r.arm());
        field(b, r.source());
        field(b, r.segment());
        field(b, Double.toString(r.weight()));
        field(b, r.armDescription());
        field(b, r.response().isPresent() ? "+" + r.responseSha256().orElseThrow() : "-");
        field(b, r.error().orElse("\0none"));
        field(b, Integer.toString(r.grades().size()));
        for (ItemRow.Grade g : r.grades()) {
          field(b, g.grader());
          field(b, g.fingerprint());
          field(b, g.labelsJson());
          field(b, g.evidenceJson());
          field(b, g.error().orElse("\0none"));
        }
        sha.update(b.toString().getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void field(StringBuilder b, String value) {
    b.append(value.length()).append(':').append(value);
  }
}
