package io.openpmo.project;

import io.openpmo.core.CurrentUser;
import io.openpmo.core.NotFoundException;
import io.openpmo.security.Groups;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Confidentiality by authorization: who may see a project. The PMO, the committees, auditors and
 * administrators see the whole portfolio; everyone else sees the projects they are involved in:
 * requested, sponsor, manage, reviewed, or whose approval one of their groups gives; project managers also see
 * approved projects that wait for a project manager. A project the
 * caller may not see does not exist for them (404).
 */
@Component
public class ProjectAccess {

  private final CurrentUser currentUser;
  private final ProjectMapper projects;
  private final JdbcTemplate jdbc;

  public ProjectAccess(CurrentUser currentUser, ProjectMapper projects, JdbcTemplate jdbc) {
    this.currentUser = currentUser;
    this.projects = projects;
    this.jdbc = jdbc;
  }

  public boolean seesWholePortfolio() {
    return currentUser.isInAnyGroup(Groups.PORTFOLIO_READERS.toArray(String[]::new));
  }

  public Project visible(String code) {
    Project project = projects.findByCode(code).orElseThrow(() -> notFound(code));
    if (!canSee(project)) {
      throw notFound(code);
    }
    return project;
  }

  public boolean canSee(Project project) {
    if (seesWholePortfolio()) {
      return true;
    }
    String user = currentUser.id().orElse(null);
    if (user == null) {
      return false;
    }
    if (user.equals(project.requester()) || user.equals(project.sponsor())
        || Objects.equals(user, project.projectManager())) {
      return true;
    }
    // approved projects waiting for a project manager are open to the project managers, who pick them up
    if (project.phase() == ProjectPhase.PLANNING && project.projectManager() == null
        && currentUser.isInAnyGroup(Groups.PROJECT_MANAGERS)) {
      return true;
    }
    Integer reviewed = jdbc.queryForObject("SELECT count(*) FROM review_decision WHERE project_id = ? AND reviewer = ?",
        Integer.class, project.id(), user);
    if (reviewed != null && reviewed > 0) {
      return true;
    }
    List<String> groups = currentUser.groups();
    return !groups.isEmpty() && jdbc.queryForList("SELECT group_id FROM project_approval WHERE project_id = ?",
        String.class, project.id()).stream().anyMatch(groups::contains);
  }

  private static NotFoundException notFound(String code) {
    return new NotFoundException("No project " + code);
  }
}
