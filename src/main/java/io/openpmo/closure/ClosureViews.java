package io.openpmo.closure;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads what closure produced for a project, for the project view and the closure endpoint. */
@Service
public class ClosureViews {

  private final ClosureService closures;
  private final ProjectDocuments documents;
  private final Lessons lessons;
  private final BenefitsReviews benefits;

  public ClosureViews(ClosureService closures, ProjectDocuments documents, Lessons lessons, BenefitsReviews benefits) {
    this.closures = closures;
    this.documents = documents;
    this.lessons = lessons;
    this.benefits = benefits;
  }

  /** Empty while the project has neither a closure nor lessons. */
  @Transactional(readOnly = true)
  public Optional<ClosureSummary> summary(long projectId) {
    Closure closure = closures.find(projectId).orElse(null);
    List<Lesson> learned = lessons.forProject(projectId);
    if (closure == null && learned.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ClosureSummary(closure, documents.list(projectId), learned,
        benefits.find(projectId).orElse(null)));
  }
}
