package io.openpmo.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openpmo.change.ChangeRequest;
import io.openpmo.change.ChangeService;
import io.openpmo.gate.GateReview;
import io.openpmo.baseline.BaselineService;
import io.openpmo.project.ProjectAccess;
import io.openpmo.portfolio.ProjectView;
import io.openpmo.portfolio.ProjectViews;
import io.openpmo.project.Project;
import io.openpmo.review.ReviewDecision;
import io.openpmo.review.ReviewService;
import io.openpmo.status.RiskRegister;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles a {@link ProjectReport} from what the other features record: the project view (scores, rules that
 * fired, approvals, gates, conditions, status history), every review decision, the baseline versions and the
 * risk and issue register.
 */
@Service
public class ProjectReportService {

  private final ProjectAccess access;
  private final ProjectViews views;
  private final ReviewService reviews;
  private final BaselineService baselines;
  private final RiskRegister register;
  private final ChangeService changes;
  private final ObjectMapper json;
  private final Clock clock;

  public ProjectReportService(ProjectAccess access, ProjectViews views, ReviewService reviews,
      BaselineService baselines, RiskRegister register, ChangeService changes, ObjectMapper json, Clock clock) {
    this.access = access;
    this.views = views;
    this.reviews = reviews;
    this.baselines = baselines;
    this.register = register;
    this.changes = changes;
    this.json = json;
    this.clock = clock;
  }

  /** The report of a project the caller may see; 404 (NotFoundException) for one they may not. */
  @Transactional(readOnly = true)
  public ProjectReport report(String code) {
    return report(access.visible(code));
  }

  /**
   * The report of a project without checking who asks: for a caller that has checked access already, or for
   * the system itself (e.g. the closure process archiving the final report).
   */
  @Transactional(readOnly = true)
  public ProjectReport report(Project project) {
    ProjectView view = views.view(project);
    List<ProjectReport.Gate> gates = view.gates().stream().map(this::gate).toList();
    return new ProjectReport(clock.instant().truncatedTo(ChronoUnit.SECONDS), project, view.decisionRules(),
        view.requiredApprovals(), reviews(project, view.gates()), gates, view.gateConditions(),
        baselines.versions(project.id()), view.statusReports(), register.register(project.id(), null),
        view.closure(), view.decisionVersions());
  }

  private List<ProjectReport.Review> reviews(Project project, List<GateReview> gates) {
    Map<Long, GateReview> gateById = gates.stream().collect(Collectors.toMap(GateReview::id, Function.identity()));
    Map<Long, String> changeCodes = changes.forProject(project.id()).stream()
        .collect(Collectors.toMap(ChangeRequest::id, ChangeRequest::code));
    List<ProjectReport.Review> list = new ArrayList<>();
    for (ReviewDecision d : reviews.asSeenByCaller(reviews.decisionsOnProject(project.id()))) {
      String subject = switch (d.subjectType()) {
        case PROJECT_REQUEST -> "Request (G0)";
        case GATE_REVIEW -> gateById.containsKey(d.subjectId()) ? gateLabel(gateById.get(d.subjectId())) : "Gate";
        case CHANGE_REQUEST -> changeCodes.getOrDefault(d.subjectId(), "Change request");
        case MODEL_CHANGE -> "Model change"; // never on a project: model changes have none
      };
      list.add(new ProjectReport.Review(subject, d.reviewRound(), d.stage(), d.groupId(), d.reviewer(),
          d.decision(), d.comment(), d.decidedAt(), d.actingFor()));
    }
    return list;
  }

  private static String gateLabel(GateReview review) {
    return review.attempt() != null && review.attempt() > 1 ? review.gate() + " (attempt " + review.attempt() + ")"
        : review.gate();
  }

  private ProjectReport.Gate gate(GateReview review) {
    List<ProjectReport.ChecklistItem> items = new ArrayList<>();
    String notes = null;
    if (review.checklist() != null) {
      try {
        JsonNode checklist = json.readTree(review.checklist());
        checklist.path("items").forEach(item -> items.add(new ProjectReport.ChecklistItem(item.path("item").asText(),
            item.path("done").asBoolean())));
        notes = checklist.path("notes").asText("").isBlank() ? null : checklist.path("notes").asText();
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Unreadable checklist of gate review " + review.id(), e);
      }
    }
    return new ProjectReport.Gate(review.gate(), review.attempt(), review.status(), review.outcome(),
        review.reviewerGroups(), review.openedAt(), review.decidedAt(), items, notes);
  }
}
