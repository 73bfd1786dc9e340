package io.openpmo.closure;

import static io.openpmo.core.ProcessVariables.projectId;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the project; a delivered one gets its benefits review scheduled (the timer waits for it). */
@Component("closeProjectDelegate")
class CloseProjectDelegate implements JavaDelegate {

  private final ClosureService closures;
  private final ClosureSettings settings;
  private final Clock clock;

  CloseProjectDelegate(ClosureService closures, ClosureSettings settings, Clock clock) {
    this.closures = closures;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long projectId = projectId(execution);
    OffsetDateTime due = Closure.DELIVERED.equals(execution.getVariable(ClosureVariables.CLOSURE_REASON))
        ? settings.benefitsReviewDue(OffsetDateTime.now(clock)) : null;
    closures.close(projectId, due);
    execution.setVariable(ClosureVariables.BENEFITS_REVIEW_DUE, due == null ? null : Date.from(due.toInstant()));
  }
}
