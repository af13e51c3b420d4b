package dev.rehearsal.run.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The store's human-review tables: {@code review_items} (the blinding key of exported items) and
 * {@code labels} (people's labels, un-blinded). Both are created on first use, so older store files
 * gain them without a migration step.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LabelTable {

  private static final List<String> DDL = List.of(
      "CREATE TABLE IF NOT EXISTS review_items (item_id TEXT PRIMARY KEY, gate TEXT NOT NULL,"
          + " category TEXT NOT NULL, sample_id TEXT NOT NULL, arm TEXT NOT NULL,"
          + " response_sha256 TEXT NOT NULL, grader_fingerprint TEXT NOT NULL, grader_flag INTEGER NOT NULL,"
          + " inclusion_probability DOUBLE PRECISION NOT NULL)",
      "CREATE TABLE IF NOT EXISTS labels (gate TEXT NOT NULL, category TEXT NOT NULL,"
          + " sample_id TEXT NOT NULL, arm TEXT NOT NULL, response_sha256 TEXT NOT NULL,"
          + " label INTEGER NOT NULL, reviewer TEXT NOT NULL, labelled_at TEXT NOT NULL,"
          + " grader_fingerprint TEXT NOT NULL, inclusion_probability DOUBLE PRECISION NOT NULL,"
          + " PRIMARY KEY (gate, category, sample_id, arm, response_sha256, reviewer))");

  private final RunStore store;

  public LabelTable(RunStore store) {
    this.store = store;
    store.withConnection(c -> {
      if (store.dialect() == Dialect.POSTGRESQL) {
        RunStore.ensureTables(c, DDL, false);
        return null;
      }
      try (Statement s = c.createStatement()) {
        for (String ddl : DDL) {
          s.execute(ddl);
        }
      }
      return null;
    });
  }

  /** Records the blinding key of an exported item. */
  public void putItem(ReviewItemRow r) {
    store.update("INSERT INTO review_items (item_id, gate, category, sample_id, arm, response_sha256,"
        + " grader_fingerprint, grader_flag, inclusion_probability) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (item_id) DO NOTHING", r.itemId(), r.gate(), r.category(), r.sampleId(), r.arm(),
        r.responseSha256(), r.graderFingerprint(), r.graderFlag() ? 1 : 0, r.inclusionProbability());
  }

  /** The exported item behind an opaque id. */
  public Optional<ReviewItemRow> item(String itemId) {
    return store.withConnection(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT item_id, gate, category, sample_id, arm, response_sha256,"
          + " grader_fingerprint, grader_flag, inclusion_probability FROM review_items WHERE item_id = ?")) {
        p.setString(1, itemId);
        try (ResultSet rs = p.executeQuery()) {
          return rs.next() ? Optional.of(new ReviewItemRow(rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8) == 1, rs.getDouble(9)))
              : Optional.<ReviewItemRow>empty();
        }
      }
    });
  }

  /** Records (or replaces, for the same reviewer and response) one label. */
  public void put(LabelRow r) {
    store.update("INSERT INTO labels (gate, category, sample_id, arm, response_sha256, label, reviewer, labelled_at,"
        + " grader_fingerprint, inclusion_probability) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (gate, category, sample_id, arm, response_sha256, reviewer) DO UPDATE SET label = excluded.label,"
        + " labelled_at = excluded.labelled_at, grader_fingerprint = excluded.grader_fingerprint,"
        + " inclusion_probability = excluded.inclusion_probability", r.gate(), r.category(), r.sampleId(), r.arm(),
        r.responseSha256(), r.positive() ? 1 : 0, r.reviewer(), r.labelledAt(), r.graderFingerprint(),
        r.inclusionProbability());
  }

  /** Every label of a gate, ordered by category, arm, sample and reviewer. */
  public List<LabelRow> labels(String gate) {
    return store.withConnection(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT gate, category, sample_id, arm, response_sha256, label,"
          + " reviewer, labelled_at, grader_fingerprint, inclusion_probability FROM labels WHERE gate = ?"
          + " ORDER BY category, arm, sample_id, reviewer")) {
        p.setString(1, gate);
        return rows(p);
      }
    });
  }

  private static List<LabelRow> rows(PreparedStatement p) throws SQLException {
    List<LabelRow> out = new ArrayList<>();
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        out.add(new LabelRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getInt(6) == 1, rs.getString(7), rs.getString(8), rs.getString(9), rs.getDouble(10)));
      }
    }
    return out;
  }
}
