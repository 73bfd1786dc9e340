package io.openpmo.intake;

import io.openpmo.core.CurrentUser;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.project.Project;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Project requests from integrations and requesters. */
@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "Projects")
class IntakeController {

  private final ProjectSubmissions submissions;
  private final WithdrawalService withdrawals;
  private final CurrentUser currentUser;

  IntakeController(ProjectSubmissions submissions, WithdrawalService withdrawals, CurrentUser currentUser) {
    this.submissions = submissions;
    this.withdrawals = withdrawals;
    this.currentUser = currentUser;
  }

  @PostMapping
  @PreAuthorize("hasAnyAuthority('GROUP_requesters', 'GROUP_integrations')")
  @Operation(summary = "Submit a project request: it is validated, scored, routed and its initiation process started",
      description = "The project row and its process are created in one transaction. Retries with the same"
          + " Idempotency-Key (or the same externalReference from the same caller) return the first project;"
          + " the same key with a different request is 409.")
  @ApiResponse(responseCode = "201", description = "Created (or replayed: header Idempotent-Replayed: true)")
  @ApiResponse(responseCode = "400", description = "Invalid request: problem details naming every bad field")
  @ApiResponse(responseCode = "409", description = "Idempotency-Key or externalReference reused for another request")
  ResponseEntity<SubmissionResult> submit(@RequestBody ProjectRequest request,
      @Parameter(description = "Makes retries safe: the same key returns the first result")
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    ProjectSubmissions.Submission submission = submissions.submit(request, currentUser.id().orElseThrow(),
        idempotencyKey);
    return ResponseEntity.created(URI.create("/api/v1/projects/" + submission.result().code()))
        .header("Idempotent-Replayed", Boolean.toString(submission.replayed()))
        .body(submission.result());
  }

  @PostMapping("/{code}/withdrawal")
  @Operation(summary = "Withdraw a request still in initiation (requester or PMO); optional body {\"reason\": ...}")
  SubmissionResult withdraw(@PathVariable String code,
      @RequestBody(required = false) Withdrawal withdrawal) {
    String reason = withdrawal == null ? null : withdrawal.reason();
    if (reason != null && reason.length() > 4000) {
      throw new InvalidRequestException("reason", "must be at most 4000 characters");
    }
    Project project = withdrawals.withdraw(code, reason == null || reason.isBlank() ? null : reason.strip());
    return submissions.result(project);
  }

  /** Why a request is withdrawn (optional). */
  record Withdrawal(String reason) {
  }
}
