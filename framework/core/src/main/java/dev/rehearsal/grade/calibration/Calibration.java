package dev.rehearsal.grade.calibration;

import dev.rehearsal.grade.Grader;
import dev.rehearsal.grade.GraderException;
import dev.rehearsal.grade.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apiguardian.api.API;

/**
 * Runs graders on a labelled set: {@link #against(GoldSet)} compares one grader with human labels,
 * {@link #agreement(Rated, Rated, GoldSet)} compares two graders (rules vs judge) with each other.
 * Examples a grader cannot grade are counted as grader errors and left out of the table.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Calibration {

  /** The default confidence of every interval. */
  public static final double CONFIDENCE = 0.95;

  /**
   * A grader with the label measured and its identity for reports.
   *
   * @param id the grader id
   * @param fingerprint its fingerprint
   * @param grader the grader
   * @param label the label that counts as positive
   */
  public record Rated(String id, String fingerprint, Grader grader, String label) {}

  private final Rated rated;
  private final double confidence;

  private Calibration(Rated rated, double confidence) {
    this.rated = rated;
    this.confidence = confidence;
  }

  /** Calibrates {@code rated} at 95% confidence. */
  public static Calibration of(Rated rated) {
    return new Calibration(rated, CONFIDENCE);
  }

  public Calibration withConfidence(double value) {
    return new Calibration(rated, value);
  }

  /** The grader against the gold set's human labels. */
  public CalibrationReport against(GoldSet gold) {
    List<Optional<Boolean>> graded = grade(rated, gold);
    int[] cells = new int[4];
    int errors = 0;
    for (int i = 0; i < graded.size(); i++) {
      if (graded.get(i).isEmpty()) {
        errors++;
      } else {
        cells[cell(graded.get(i).get(), gold.examples().get(i).labels().contains(rated.label()))]++;
      }
    }
    return new CalibrationReport(rated.id(), rated.fingerprint(), rated.label(), "gold " + gold.sha256().substring(0, 12),
        new AgreementTable(cells[0], cells[1], cells[2], cells[3]), errors, confidence);
  }

  /** {@code test} against {@code reference} (both graders) on the set's examples; human labels unused. */
  public static CalibrationReport agreement(Rated reference, Rated test, GoldSet examples) {
    List<Optional<Boolean>> ref = grade(reference, examples);
    List<Optional<Boolean>> got = grade(test, examples);
    int[] cells = new int[4];
    int errors = 0;
    for (int i = 0; i < ref.size(); i++) {
      if (ref.get(i).isEmpty() || got.get(i).isEmpty()) {
        errors++;
      } else {
        cells[cell(got.get(i).get(), ref.get(i).get())]++;
      }
    }
    return new CalibrationReport(test.id(), test.fingerprint(), test.label(), "grader " + reference.id() + " label '"
        + reference.label() + "'", new AgreementTable(cells[0], cells[1], cells[2], cells[3]), errors, CONFIDENCE);
  }

  /** 0 TP, 1 FP, 2 FN, 3 TN. */
  private static int cell(boolean graderPositive, boolean referencePositive) {
    return graderPositive ? (referencePositive ? 0 : 1) : (referencePositive ? 2 : 3);
  }

  private static List<Optional<Boolean>> grade(Rated rated, GoldSet gold) {
    List<CompletableFuture<Verdict>> pending = new ArrayList<>();
    gold.examples().forEach(e -> pending.add(rated.grader().gradeAsync(e.conversation(), e.response())));
    List<Optional<Boolean>> out = new ArrayList<>();
    for (CompletableFuture<Verdict> f : pending) {
      try {
        out.add(Optional.of(f.join().has(rated.label())));
      } catch (CompletionException | GraderException e) {
        out.add(Optional.empty());
      }
    }
    return out;
  }
}
