package dev.rehearsal.run;

import dev.rehearsal.grade.GraderContext;
import dev.rehearsal.grade.audit.AuditReport;
import dev.rehearsal.grade.audit.Auditor;
import dev.rehearsal.grade.audit.Finding;
import dev.rehearsal.grade.judge.JudgePrompt;
import dev.rehearsal.grade.taxonomy.Taxonomy;
import dev.rehearsal.grade.taxonomy.TaxonomyEntry;
import dev.rehearsal.prefix.Prefix;
import dev.rehearsal.spec.AuditSpec;
import dev.rehearsal.spec.CategorySpec;
import dev.rehearsal.spec.GateSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/** Runs the gate's audit on the first {@code sample} candidate responses and groups the findings. */
final class AuditRun {

  static final int RETRIES = 2;

  private AuditRun() {}

  static AuditReport run(GateSpec spec, AuditSpec audit, GraderContext context, List<Prefix> prefixes, ArmResult candidate) {
    Taxonomy pack = Taxonomy.defaults();
    Auditor auditor = new Auditor(context.model(audit.model()), new JudgePrompt(pack.auditorTemplate()), tracked(spec, pack),
        RETRIES);
    Map<String, CompletableFuture<List<Finding>>> pending = new LinkedHashMap<>();
    for (Prefix p : prefixes) {
      if (pending.size() >= audit.sample()) {
        break;
      }
      candidate.responses().get(p.sampleId()).text().ifPresent(t -> pending.put(p.sampleId(), auditor.audit(p.sampleId(), p.turns(), t)));
    }
    List<Finding> findings = new ArrayList<>();
    int errors = 0;
    for (CompletableFuture<List<Finding>> f : pending.values()) {
      try {
        findings.addAll(f.join());
      } catch (CompletionException e) {
        errors++;
      }
    }
    Set<String> ids = spec.categories().stream().map(CategorySpec::id).collect(Collectors.toSet());
    return AuditReport.of(pending.size() - errors, errors, findings, ids, Set.copyOf(audit.reviewed()));
  }

  /** The tracked categories as the auditor sees them: id and definition. */
  private static String tracked(GateSpec spec, Taxonomy pack) {
    return spec.categories().stream().map(c -> "- " + c.id() + ": " + pack.find(c.id()).map(TaxonomyEntry::definition)
        .orElse("(a custom category measured by grader '" + c.grader() + "', label '" + c.label() + "')"))
        .collect(Collectors.joining("\n"));
  }
}
