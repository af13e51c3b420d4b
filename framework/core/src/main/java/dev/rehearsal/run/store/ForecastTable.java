package dev.rehearsal.run.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The store's {@code forecasts} table: forecasts recorded under a release label, read back when the
 * release is validated against production.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ForecastTable {

  private final RunStore store;

  public ForecastTable(RunStore store) {
    this.store = store;
  }

  /** Records (or replaces) one forecast row. */
  public void put(ForecastRow r) {
    store.update("INSERT INTO forecasts (release, kind, category, segment, events, trials, alpha, beta, grader,"
        + " grader_fingerprint, gate, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (release, kind, category, segment) DO UPDATE SET events = excluded.events,"
        + " trials = excluded.trials, alpha = excluded.alpha, beta = excluded.beta, grader = excluded.grader,"
        + " grader_fingerprint = excluded.grader_fingerprint, gate = excluded.gate,"
        + " recorded_at = excluded.recorded_at", r.release(), r.kind(), r.category(), r.segment(), r.events(),
        r.trials(), r.alpha(), r.beta(), r.grader(), r.graderFingerprint(), r.gate(), Instant.now().toString());
  }

  /** Every row recorded under {@code release}, ordered by kind, category and segment. */
  public List<ForecastRow> release(String release) {
    return store.withConnection(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT release, kind, category, segment, events, trials, alpha,"
          + " beta, grader, grader_fingerprint, gate FROM forecasts WHERE release = ? ORDER BY kind, category, segment")) {
        p.setString(1, release);
        List<ForecastRow> out = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.add(new ForecastRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getLong(6), rs.getDouble(7), rs.getDouble(8), rs.getString(9), rs.getString(10), rs.getString(11)));
          }
        }
        return out;
      }
    });
  }
}
