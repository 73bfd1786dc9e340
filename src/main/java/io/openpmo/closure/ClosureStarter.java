package io.openpmo.closure;

import io.openpmo.project.GateOutcome;
import io.openpmo.core.EngineAccess;
import io.openpmo.gate.GateService;
import io.openpmo.review.ReviewService;
import io.openpmo.review.ReviewSubjectType;
import io.openpmo.project.Evidence;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectGovernance;
import io.openpmo.project.ProjectStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/** Starts the closure of a project, in the transaction of whatever ends its lifecycle. */
@Service
public class ClosureStarter {

  private final RuntimeService runtimeService;
  private final EngineAccess engineAccess;
  private final GateService gates;
  private final ReviewService reviews;
  private final ProjectGovernance governance;

  public ClosureStarter(RuntimeService runtimeService, EngineAccess engineAccess, GateService gates,
      ReviewService reviews, ProjectGovernance governance) {
    this.governance = governance;
    this.runtimeService = runtimeService;
    this.engineAccess = engineAccess;
    this.gates = gates;
    this.reviews = reviews;
  }

  /**
   * Starts the closure of a project whose lifecycle ended (delivered, stopped or cancelled). Its note: the reason of
   * a cancellation; for a stopped project why it was stopped, by a gate (the STOP votes say why) or by the PMO's hold
   * decision (its comment); none for a delivered one.
   */
  public ProcessInstance startAfterLifecycle(Project project, String cancellationReason) {
    String note = null;
    if (cancellationReason != null) {
      note = cancellationReason;
    } else if (project.status() == ProjectStatus.STOPPED) {
      note = stopReason(project.id()).orElseGet(() -> governance.latestTaskDecision(project.id(),
          ProjectGovernance.HOLD_DECISION).map(Evidence.TaskDecision::comment).orElse(null));
    }
    return start(project, note);
  }

  /** Why the last gate that decided STOP stopped the project, from its reviewers' comments. */
  Optional<String> stopReason(long projectId) {
    return gates.reviews(projectId).stream().filter(g -> g.outcome() == GateOutcome.STOP)
        .reduce((first, second) -> second)
        .map(gate -> gate.gate() + " STOP: " + reviews.decisions(ReviewSubjectType.GATE_REVIEW, gate.id()).stream()
            .filter(d -> GateOutcome.STOP.is(d.decision()) && d.comment() != null)
            .map(d -> d.comment() + " (" + d.reviewer() + ")").collect(Collectors.joining("; ")));
  }

  public ProcessInstance start(Project project, String reasonNote) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ClosureVariables.PROJECT_ID, project.id());
    variables.put(ClosureVariables.CLOSURE_REASON, ClosureService.reasonFor(project));
    variables.put(ClosureVariables.SPONSOR, project.sponsor());
    variables.put(ClosureVariables.REQUESTER, project.requester());
    variables.put(ClosureVariables.CLOSURE_MANAGER, project.projectManager());
    variables.put(ClosureVariables.REASON_NOTE, reasonNote);
    return engineAccess.asSystem(() -> runtimeService.createProcessInstanceByKey(ClosureVariables.PROCESS_KEY)
        .businessKey(project.code()).setVariables(variables).execute());
  }
}
