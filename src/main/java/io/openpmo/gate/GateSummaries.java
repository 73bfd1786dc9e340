package io.openpmo.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openpmo.baseline.Baseline;
import io.openpmo.baseline.BaselineService;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectSummary;
import io.openpmo.resource.CapacityConflict;
import io.openpmo.resource.ResourcePlans;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** What a gate reviewer reads: the project, the baseline under review, the checklist, resource decisions. */
@Component
class GateSummaries {

  private final BaselineService baselines;
  private final ResourcePlans resourcePlans;
  private final ObjectMapper json;

  GateSummaries(BaselineService baselines, ResourcePlans resourcePlans, ObjectMapper json) {
    this.baselines = baselines;
    this.resourcePlans = resourcePlans;
    this.json = json;
  }

  private String checklist(String answers) {
    try {
      JsonNode root = json.readTree(answers);
      StringBuilder text = new StringBuilder();
      for (JsonNode item : root.path("items")) {
        text.append("- ").append(item.path("done").asBoolean() ? "✓ done: " : "✗ open: ").append(item.path("item").asText())
            .append("\n");
      }
      if (!root.path("notes").asText().isBlank()) {
        text.append("\nNotes: ").append(root.path("notes").asText());
      }
      return text.toString();
    } catch (java.io.IOException e) {
      return answers;
    }
  }

  String summary(Project project, GateReview review) {
    StringBuilder text = new StringBuilder("### Gate " + review.gate() + " (attempt " + review.attempt() + ")\n\n");
    text.append(ProjectSummary.markdown(project)).append("\n\n");
    Optional<Baseline> baseline = "G1".equals(review.gate()) ? baselines.draft(project.id())
        : Optional.ofNullable(project.currentBaselineId()).map(baselines::get);
    baseline.ifPresent(b -> {
      text.append("**Baseline v").append(b.version()).append("** (").append(b.status().toLowerCase().replace('_', ' '))
          .append("): budget at completion ").append(ProjectSummary.money(project.currency(), b.budgetAtCompletion()))
          .append(", ").append(b.startDate()).append(" to ").append(b.endDate()).append("\n\n");
      text.append(baselines.milestones(b.id()).stream()
          .map(m -> "- " + m.dueDate() + ": " + m.name()).collect(Collectors.joining("\n"))).append("\n\n");
      List<CapacityConflict> conflicts = resourcePlans.conflicts(b.id());
      if (!conflicts.isEmpty()) {
        text.append("Resource conflicts: ").append(conflicts.stream()
            .map(c -> c.role() + " " + c.monthStart() + " " + (c.resolution() == null ? "open" : c.resolution().toLowerCase()))
            .collect(Collectors.joining("; "))).append("\n\n");
      }
    });
    if (review.checklist() != null) {
      text.append("**Checklist** (answered by the project manager)\n\n").append(checklist(review.checklist()))
          .append("\n\n");
    }
    if (project.projectManager() != null) {
      text.append("Project manager: ").append(project.projectManager())
          .append(project.pmExceptionBy() != null ? " (qualification exception granted by " + project.pmExceptionBy() + ")" : "")
          .append("\n");
    }
    return text.toString();
  }
}
