package io.openpmo.gate;

import com.fasterxml.jackson.core.type.TypeReference;
import io.openpmo.core.CurrentUser;
import io.openpmo.core.FormJson;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import io.openpmo.project.ProjectSummary;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The project manager's gate checklist: the items of the gate on the form, the answers on record. */
@Component("gateChecklistListener")
class GateChecklistListener implements TaskListener {

  private final GateService gates;
  private final CurrentUser currentUser;
  private final ProjectMapper projects;

  GateChecklistListener(GateService gates, CurrentUser currentUser, ProjectMapper projects) {
    this.gates = gates;
    this.currentUser = currentUser;
    this.projects = projects;
  }

  @Override
  public void notify(DelegateTask task) {
    long gateReviewId = ((Number) task.getExecution().getVariable(GateVariables.GATE_REVIEW_ID)).longValue();
    GateReview review = gates.get(gateReviewId);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Project project = projects.findById(review.projectId()).orElseThrow();
      task.setName(ProjectSummary.taskName(task.getName(), project.code(), project.title(), review.gate()));
      task.setDescription(project.title());
      task.setVariableLocal(GateVariables.CHECKLIST_ITEMS, FormJson.of(gates.checklist(review.gate())));
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      List<String> done = FormJson.read(task.getVariableLocal(GateVariables.CHECKLIST_DONE),
          new TypeReference<List<String>>() { }, GateVariables.CHECKLIST_DONE);
      Object notes = task.getVariableLocal(GateVariables.CHECKLIST_NOTES);
      gates.recordChecklist(gateReviewId, done == null ? List.of() : done, notes == null ? null : notes.toString(),
          currentUser.id().orElse(task.getAssignee()));
    }
  }
}
