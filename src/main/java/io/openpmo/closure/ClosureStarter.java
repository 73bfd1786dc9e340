package io.openpmo.closure;

import io.openpmo.project.GateOutcome;
import io.openpmo.core.EngineAccess;
import io.openpmo.gate.GateService;
import io.openpmo.review.ReviewService;
import io.openpmo.review.ReviewSubjectType;
import io.openpmo.project.Project;
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

  public ClosureStarter(RuntimeService runtimeService, EngineAccess engineAccess, GateService gates,
      ReviewService reviews) {
    this.runtimeService = runtimeService;
    this.engineAccess = engineAccess;
    this.gates = gates;
    this.reviews = reviews;
  }

  /** Why the last gate that decided STOP stopped the project, from its reviewers' comments. */
  public Optional<String> stopReason(long projectId) {
    return gates.reviews(projectId).stream().filter(g -> GateOutcome.STOP.is(g.outcome()))
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
