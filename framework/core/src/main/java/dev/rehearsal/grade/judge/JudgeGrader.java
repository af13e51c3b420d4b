package dev.rehearsal.grade.judge;

import dev.rehearsal.conversation.Turn;
import dev.rehearsal.grade.Evidence;
import dev.rehearsal.grade.Grader;
import dev.rehearsal.grade.GraderException;
import dev.rehearsal.grade.Verdict;
import dev.rehearsal.model.ModelClient;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * An LLM judge ({@code type: judge}): asks a model whether a response shows the declared
 * categories, at temperature 0, and accepts only strict, nonce-bound verdicts whose evidence quote
 * occurs in the response. A malformed verdict is retried {@code retries} times with the reason,
 * then reported as a {@link GraderException} (a grader error, never a pass). With
 * {@code samples: k} each question is asked k times and a label needs a strict majority.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class JudgeGrader implements Grader {

  private final JudgeSettings settings;
  private final Supplier<ModelClient> client;

  /** {@code client} is asked for the model on first use, so creating a judge makes no connection. */
  public JudgeGrader(JudgeSettings settings, Supplier<ModelClient> client) {
    this.settings = settings;
    this.client = client;
  }

  @Override
  public Set<String> labels() {
    return new LinkedHashSet<>(settings.labels());
  }

  @Override
  public String defaultLabel() {
    return settings.labels().get(0);
  }

  @Override
  public Verdict grade(List<Turn> prefix, String response) {
    try {
      return gradeAsync(prefix, response).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof GraderException g ? g : new GraderException("judge failed", String.valueOf(e.getCause()));
    }
  }

  @Override
  public CompletableFuture<Verdict> gradeAsync(List<Turn> prefix, String response) {
    List<List<String>> questions = settings.multiLabel() ? List.of(settings.labels())
        : settings.labels().stream().map(List::of).toList();
    List<CompletableFuture<List<Evidence>>> answers = new ArrayList<>();
    for (List<String> labels : questions) {
      answers.add(vote(labels, prefix, response));
    }
    return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(done -> {
      List<Evidence> evidence = new ArrayList<>();
      answers.forEach(a -> evidence.addAll(a.join()));
      return Verdict.of(evidence);
    });
  }

  private CompletableFuture<List<Evidence>> vote(List<String> labels, List<Turn> prefix, String response) {
    Question question = Question.of(settings, labels, prefix, response);
    List<CompletableFuture<JudgeVerdict>> votes = new ArrayList<>();
    for (int i = 0; i < settings.samples(); i++) {
      votes.add(new JudgeCall(client.get(), settings, question, i).run());
    }
    return CompletableFuture.allOf(votes.toArray(CompletableFuture[]::new))
        .thenApply(done -> majority(labels, votes.stream().map(CompletableFuture::join).toList()));
  }

  /** Labels given by more than half of the votes, each with the evidence of its first vote. */
  static List<Evidence> majority(List<String> labels, List<JudgeVerdict> votes) {
    List<Evidence> out = new ArrayList<>();
    for (String label : labels) {
      List<JudgeVerdict> yes = votes.stream().filter(v -> v.labels().contains(label)).toList();
      if (2 * yes.size() > votes.size()) {
        JudgeVerdict first = yes.get(0);
        out.add(new Evidence(label, first.evidence(), first.start(), first.end()));
      }
    }
    return out;
  }

  @Override
  public Map<String, Object> procedure() {
    Map<String, Object> out = new TreeMap<>();
    out.put("prompt", settings.prompt().template());
    out.put("system", JudgeCall.SYSTEM);
    out.put("definitions", settings.definitions());
    out.put("multi-label", settings.multiLabel());
    out.put("samples", settings.samples());
    out.put("vote-temperature", settings.samples() > 1 ? settings.voteTemperature() : 0);
    out.put("retries", settings.retries());
    out.put("model", settings.modelProcedure());
    return out;
  }

  /** The settings, for reports. */
  public JudgeSettings settings() {
    return settings;
  }
}
