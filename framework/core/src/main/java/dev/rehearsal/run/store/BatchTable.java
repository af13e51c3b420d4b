package dev.rehearsal.run.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What was submitted to providers' batch endpoints, so that a later run (another CI job, another
 * machine sharing the store) collects instead of submitting again. A submission is recorded with
 * its requests ({@code custom_id} = cache key) <em>before</em> the provider is called, then given
 * the provider's batch id; a run killed in between leaves a {@code submitting} row that the next run
 * resolves through {@link dev.rehearsal.model.batch.BatchClient#find}. Tables in plain SQL that
 * SQLite and PostgreSQL both accept, created on first use.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BatchTable {

  /** Submission states. */
  public enum State { SUBMITTING, SUBMITTED, ENDED }

  /**
   * A recorded submission.
   *
   * @param submission this side's id (a random UUID)
   * @param batchId the provider's batch id, empty while {@code SUBMITTING}
   * @param modelId the model it was sent to
   * @param state where it stands
   * @param providerStatus the provider's last status word
   * @param submittedAt when it was recorded
   * @param requests how many requests it holds
   */
  public record Submission(String submission, Optional<String> batchId, String modelId, State state,
      String providerStatus, String submittedAt, long requests) {}

  static final List<String> DDL = List.of(
      "CREATE TABLE IF NOT EXISTS batches (submission VARCHAR(64) PRIMARY KEY, batch_id VARCHAR(300),"
          + " model_id VARCHAR(300) NOT NULL, state VARCHAR(20) NOT NULL, provider_status VARCHAR(40) NOT NULL,"
          + " submitted_at VARCHAR(40) NOT NULL, updated_at VARCHAR(40) NOT NULL, requests BIGINT NOT NULL)",
      "CREATE TABLE IF NOT EXISTS batch_requests (submission VARCHAR(64) NOT NULL, custom_id VARCHAR(64) NOT NULL,"
          + " outcome VARCHAR(20), error TEXT, PRIMARY KEY (submission, custom_id))",
      "CREATE INDEX IF NOT EXISTS batch_requests_custom_id ON batch_requests (custom_id)");

  private final RunStore store;

  public BatchTable(RunStore store) {
    this.store = store;
    store.withConnection(c -> {
      try (Statement s = c.createStatement()) {
        for (String ddl : DDL) {
          s.execute(ddl);
        }
      }
      return null;
    });
  }

  /** Records a submission and its requests in one transaction, before the provider is called. */
  public void intend(String submission, String modelId, List<String> customIds) {
    String now = Instant.now().toString();
    store.update("INSERT INTO batches (submission, batch_id, model_id, state, provider_status, submitted_at,"
        + " updated_at, requests) VALUES (?, NULL, ?, ?, 'submitting', ?, ?, ?)", submission,
        dev.rehearsal.spec.Secrets.mask(modelId), State.SUBMITTING.name(), now, now, (long) customIds.size());
    ItemTable.batch(store, "INSERT INTO batch_requests (submission, custom_id) VALUES (?, ?)",
        customIds.stream().map(id -> new Object[] {submission, id}).toList());
  }

  /** The provider accepted the submission as {@code batchId}. */
  public void submitted(String submission, String batchId) {
    store.update("UPDATE batches SET batch_id = ?, state = ?, provider_status = 'submitted', updated_at = ?"
        + " WHERE submission = ?", batchId, State.SUBMITTED.name(), Instant.now().toString(), submission);
  }

  /** The last status seen while the batch runs. */
  public void polled(String submission, String providerStatus) {
    store.update("UPDATE batches SET provider_status = ?, updated_at = ? WHERE submission = ?", providerStatus,
        Instant.now().toString(), submission);
  }

  /** Forgets a submission the provider never received (killed before the batch was created). */
  public void abandon(String submission) {
    store.update("DELETE FROM batch_requests WHERE submission = ?", submission);
    store.update("DELETE FROM batches WHERE submission = ?", submission);
  }

  /**
   * Marks the submission ended with each request's outcome ({@code [customId, outcome, error]},
   * error null on success); committed after the replies were stored, so a run killed before this
   * collects again and finds the replies already cached.
   */
  public void ended(String submission, String providerStatus, List<Object[]> outcomes) {
    ItemTable.batch(store, "UPDATE batch_requests SET outcome = ?, error = ? WHERE submission = ? AND custom_id = ?",
        outcomes.stream().map(o -> new Object[] {o[1], o[2], submission, o[0]}).toList());
    store.update("UPDATE batches SET state = ?, provider_status = ?, updated_at = ? WHERE submission = ?",
        State.ENDED.name(), providerStatus, Instant.now().toString(), submission);
  }

  /** Submissions to {@code modelId} that have not ended, oldest first. */
  public List<Submission> open(String modelId) {
    // Stored masked (a base-url from ${VAR} is masked like a secret), so looked up masked too.
    return submissions("WHERE model_id = ? AND state <> 'ENDED' ORDER BY submitted_at",
        dev.rehearsal.spec.Secrets.mask(modelId));
  }

  /** Every submission, oldest first (for reports and tests). */
  public List<Submission> all() {
    return submissions("ORDER BY submitted_at");
  }

  /** The request ids of a submission. */
  public Set<String> customIds(String submission) {
    return store.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT custom_id FROM batch_requests WHERE submission = ?")) {
        p.setString(1, submission);
        Set<String> out = new LinkedHashSet<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.add(r.getString(1));
          }
        }
        return out;
      }
    });
  }

  private List<Submission> submissions(String where, String... values) {
    return store.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT submission, batch_id, model_id, state, provider_status,"
          + " submitted_at, requests FROM batches " + where)) {
        for (int i = 0; i < values.length; i++) {
          p.setString(i + 1, values[i]);
        }
        List<Submission> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.add(new Submission(r.getString(1), Optional.ofNullable(r.getString(2)), r.getString(3),
                State.valueOf(r.getString(4)), r.getString(5), r.getString(6), r.getLong(7)));
          }
        }
        return out;
      }
    });
  }
}
