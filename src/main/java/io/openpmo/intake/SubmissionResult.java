package io.openpmo.intake;

import io.openpmo.project.PriorityClass;
import io.openpmo.project.ProjectStatus;
import io.openpmo.project.RiskTier;
import java.util.List;

/** What a submission answers: the project's code, its scores and the approvals it needs. */
public record SubmissionResult(String code, ProjectStatus status, Integer riskScore, RiskTier riskTier,
    Integer priorityScore, PriorityClass priorityClass, List<String> requiredApprovals, String processInstanceId) {
}
