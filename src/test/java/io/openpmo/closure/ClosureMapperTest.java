package io.openpmo.closure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openpmo.support.PostgresMapperTest;
import io.openpmo.support.TestRows;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/** Closures, lessons, archived documents and benefits reviews on PostgreSQL. */
class ClosureMapperTest extends PostgresMapperTest {

  static final OffsetDateTime LATER = TestRows.NOW.plusDays(3);

  @Autowired ClosureMapper mapper;

  long projectId;

  @BeforeEach
  void aProject() {
    projectId = given.project();
  }

  long open(long project) {
    return mapper.insertClosure(new Closure(null, project, Closure.DELIVERED, "all done", Closure.OPEN, "process-c",
        TestRows.NOW, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null));
  }

  Closure figures(long project) {
    return new Closure(null, project, null, null, null, null, null, null, null, null, null, null, null, null,
        new BigDecimal("1450000.00"), new BigDecimal("100.00"), LocalDate.of(2027, 12, 20),
        new BigDecimal("1500000.00"), LocalDate.of(2027, 12, 31), new BigDecimal("50000.00"), -11,
        new BigDecimal("1.0345"), new BigDecimal("1.0012"), "HANDED_OVER", "Run team", "smooth", "paul");
  }

  @Test
  void aClosureOpensAndReadsBackWithItsDefaults() {
    long id = open(projectId);

    Closure read = mapper.findByProject(projectId).orElseThrow();
    assertThat(read.id()).isEqualTo(id);
    assertThat(read.reason()).isEqualTo(Closure.DELIVERED);
    assertThat(read.reasonNote()).isEqualTo("all done");
    assertThat(read.status()).isEqualTo(Closure.OPEN);
    assertThat(read.processInstanceId()).isEqualTo("process-c");
    assertThat(read.startedAt().toInstant()).isEqualTo(TestRows.NOW.toInstant());
    assertThat(read.acceptanceRefusals()).isZero();
    assertThat(read.closedAt()).isNull();
    assertThat(read.finalCost()).isNull();
    assertThat(mapper.findByProject(given.project())).isEmpty();
  }

  @Test
  void theFinalFiguresAreReadBackAsWritten() {
    open(projectId);

    assertThat(mapper.recordFigures(figures(projectId))).isOne();

    Closure read = mapper.findByProject(projectId).orElseThrow();
    assertThat(read).usingRecursiveComparison()
        .comparingOnlyFields("finalCost", "percentComplete", "actualEndDate", "budgetAtCompletion", "baselineEndDate",
            "costVariance", "scheduleVarianceDays", "finalCpi", "finalSpi", "openItems", "handedOverTo",
            "closureNotes", "figuresBy")
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(figures(projectId));
  }

  @Test
  void refusalsAreCountedAndAcceptanceIsRecordedWhileOpen() {
    open(projectId);

    assertThat(mapper.recordAcceptance(projectId, Closure.REFUSED, "not yet", "sam", TestRows.NOW)).isOne();
    assertThat(mapper.recordAcceptance(projectId, Closure.REFUSED, "still not", "sam", TestRows.NOW)).isOne();
    assertThat(mapper.recordAcceptance(projectId, Closure.ACCEPTED, "fine", "sam", LATER)).isOne();

    Closure read = mapper.findByProject(projectId).orElseThrow();
    assertThat(read.acceptance()).isEqualTo(Closure.ACCEPTED);
    assertThat(read.acceptanceComment()).isEqualTo("fine");
    assertThat(read.acceptedBy()).isEqualTo("sam");
    assertThat(read.acceptedAt().toInstant()).isEqualTo(LATER.toInstant());
    assertThat(read.acceptanceRefusals()).isEqualTo(2);
  }

  @Test
  void aClosedClosureClosesOnceAndTakesNoMoreAcceptanceOrFigures() {
    open(projectId);
    assertThat(mapper.recordReleased(projectId, new BigDecimal("3.50"))).isOne();

    assertThat(mapper.close(projectId, LATER)).isOne();
    assertThat(mapper.close(projectId, LATER.plusDays(1))).isZero();
    assertThat(mapper.recordAcceptance(projectId, Closure.REFUSED, "late", "sam", LATER)).isZero();
    assertThat(mapper.recordFigures(figures(projectId))).isZero();

    Closure read = mapper.findByProject(projectId).orElseThrow();
    assertThat(read.status()).isEqualTo(Closure.CLOSED);
    assertThat(read.closedAt().toInstant()).isEqualTo(LATER.toInstant());
    assertThat(read.releasedFte()).isEqualByComparingTo("3.5");
    assertThat(read.acceptance()).isNull();
    assertThat(read.finalCost()).isNull();
  }

  @Test
  void aProjectClosesOnce() {
    open(projectId);
    assertThatThrownBy(() -> open(projectId)).isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void allocationsFromAMonthOnAreSummedAndReleasedOnce() {
    long baseline = given.baseline(projectId, 1, "IN_FORCE", "1000000", LocalDate.of(2027, 1, 1),
        LocalDate.of(2027, 12, 31));
    long otherBaseline = given.baseline(projectId, 2, "DRAFT", "1000000", LocalDate.of(2027, 1, 1),
        LocalDate.of(2027, 12, 31));
    LocalDate june = LocalDate.of(2027, 6, 1);
    given.allocation(baseline, projectId, "architect", june.minusMonths(1), "1.00");
    given.allocation(baseline, projectId, "architect", june, "0.50");
    given.allocation(baseline, projectId, "tester", june.plusMonths(1), "0.75");
    given.allocation(otherBaseline, projectId, "tester", june.plusMonths(1), "1.00");

    assertThat(mapper.futureAllocatedFte(projectId, baseline, june)).isEqualByComparingTo("1.25");
    assertThat(mapper.releaseAllocations(projectId, baseline, june, LATER)).isEqualTo(2);
    assertThat(mapper.releaseAllocations(projectId, baseline, june, LATER)).isZero();
    assertThat(mapper.futureAllocatedFte(projectId, baseline, june)).isEqualByComparingTo("0");
    assertThat(mapper.futureAllocatedFte(projectId, baseline, june.minusMonths(1))).isEqualByComparingTo("1.00");
    assertThat(mapper.futureAllocatedFte(projectId, otherBaseline, june)).isEqualByComparingTo("1.00");
  }

  long lesson(long project, String wentWell, String recommendations, OffsetDateTime at, String... tags) {
    long id = mapper.insertLesson(new ClosureMapper.LessonRow(null, project, null, null, wentWell, null,
        recommendations, "paul", at));
    for (String tag : tags) {
      mapper.insertLessonTag(id, tag);
    }
    return id;
  }

  @Test
  void aLessonIsReadBackWithItsProjectAndTags() {
    long id = mapper.insertLesson(new ClosureMapper.LessonRow(null, projectId, null, null, "Early demos",
        "Vendor onboarding", "Start the DPIA early", "paul", TestRows.NOW));
    mapper.insertLessonTag(id, "vendor");
    mapper.insertLessonTag(id, "data-protection");

    ClosureMapper.LessonRow read = mapper.findLessons(projectId, null, null, 10, 0).get(0);
    assertThat(read).usingRecursiveComparison().ignoringFields("createdAt").isEqualTo(new ClosureMapper.LessonRow(id,
        projectId, given.code(projectId), given.projectRow(projectId).title(), "Early demos", "Vendor onboarding",
        "Start the DPIA early", "paul", null));
    assertThat(read.createdAt().toInstant()).isEqualTo(TestRows.NOW.toInstant());
    assertThat(mapper.findLessonTags(List.of(id))).containsExactly(new ClosureMapper.LessonTag(id, "data-protection"),
        new ClosureMapper.LessonTag(id, "vendor"));
  }

  @Test
  void lessonsAreSearchedByProjectTextAndTagNewestFirstAPageAtATime() {
    long other = given.project();
    long oldest = lesson(projectId, "Reached 100% coverage", "Keep the tests", TestRows.NOW, "testing");
    long middle = lesson(projectId, null, "Hire 100 testers", TestRows.NOW.plusDays(1), "staffing");
    long newest = lesson(other, "Good vendor", "Negotiate exit clauses", TestRows.NOW.plusDays(2), "vendor", "testing");

    assertThat(mapper.findLessons(null, null, null, 10, 0)).extracting(ClosureMapper.LessonRow::id)
        .containsSubsequence(newest, middle, oldest);
    assertThat(mapper.findLessons(projectId, null, null, 10, 0)).extracting(ClosureMapper.LessonRow::id)
        .containsExactly(middle, oldest);
    assertThat(mapper.findLessons(projectId, "%100\\%%", null, 10, 0)).extracting(ClosureMapper.LessonRow::id)
        .containsExactly(oldest);
    assertThat(mapper.findLessons(projectId, "%hire%", null, 10, 0)).extracting(ClosureMapper.LessonRow::id)
        .containsExactly(middle);
    assertThat(mapper.findLessons(null, "%core banking%", null, 10, 0)).extracting(ClosureMapper.LessonRow::id)
        .contains(newest, middle, oldest);
    assertThat(mapper.findLessons(null, null, "testing", 10, 0)).extracting(ClosureMapper.LessonRow::id)
        .containsExactly(newest, oldest);
    assertThat(mapper.findLessons(projectId, null, null, 1, 0)).extracting(ClosureMapper.LessonRow::id)
        .containsExactly(middle);
    assertThat(mapper.findLessons(projectId, null, null, 1, 1)).extracting(ClosureMapper.LessonRow::id)
        .containsExactly(oldest);
    assertThat(mapper.findLessons(projectId, null, null, 1, 2)).isEmpty();
  }

  @Test
  void aTagIsGivenToALessonOnce() {
    long id = lesson(projectId, null, "Keep the tests", TestRows.NOW, "testing");
    assertThatThrownBy(() -> mapper.insertLessonTag(id, "testing")).isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void anArchivedDocumentKeepsItsBytesAndTheListLeavesThemOut() {
    byte[] pdf = "%PDF-1.7 final report".getBytes(StandardCharsets.UTF_8);
    long id = mapper.insertDocument(new ProjectDocument(null, projectId, ProjectDocument.FINAL_REPORT, "final.pdf",
        "application/pdf", pdf, pdf.length, "ab".repeat(32), "paul", TestRows.NOW));

    ProjectDocument read = mapper.findDocument(id).orElseThrow();
    assertThat(read.content()).isEqualTo(pdf);
    assertThat(read).usingRecursiveComparison().ignoringFields("content", "createdAt").isEqualTo(new ProjectDocument(
        id, projectId, "FINAL_REPORT", "final.pdf", "application/pdf", null, pdf.length, "ab".repeat(32), "paul", null));
    assertThat(read.createdAt().toInstant()).isEqualTo(TestRows.NOW.toInstant());
    assertThat(mapper.findDocuments(projectId)).singleElement().satisfies(listed -> {
      assertThat(listed.id()).isEqualTo(id);
      assertThat(listed.content()).isNull();
      assertThat(listed.sizeBytes()).isEqualTo(pdf.length);
    });
    assertThat(mapper.findDocument(id + 1000)).isEmpty();
  }

  @Test
  void theDatabaseRefusesADocumentOfAnotherKind() {
    assertThatThrownBy(() -> mapper.insertDocument(new ProjectDocument(null, projectId, "MEMO", "m.txt", "text/plain",
        new byte[] {1}, 1, "ab".repeat(32), "paul", TestRows.NOW))).isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void aBenefitsReviewIsDueAndRecordedOnce() {
    assertThat(mapper.insertBenefitsReview(new BenefitsReview(null, projectId, LATER, new BigDecimal("900000.00"),
        null, null, null, null, null, null))).isOne();
    BenefitsReview due = mapper.findBenefitsReview(projectId).orElseThrow();
    assertThat(due.dueAt().toInstant()).isEqualTo(LATER.toInstant());
    assertThat(due.expectedAnnualBenefit()).isEqualByComparingTo("900000");
    assertThat(due.reviewedAt()).isNull();

    BenefitsReview answer = new BenefitsReview(null, projectId, null, null, new BigDecimal("675000.00"),
        new BigDecimal("0.7500"), "PARTIALLY_ACHIEVED", "three quarters", "sam", LATER.plusMonths(12));
    assertThat(mapper.recordBenefits(answer)).isOne();
    assertThat(mapper.recordBenefits(answer)).isZero();

    BenefitsReview read = mapper.findBenefitsReview(projectId).orElseThrow();
    assertThat(read).usingRecursiveComparison().ignoringFields("id", "dueAt", "expectedAnnualBenefit", "reviewedAt")
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(answer);
    assertThat(read.reviewedAt().toInstant()).isEqualTo(LATER.plusMonths(12).toInstant());
  }

  @Test
  void aProjectHasOneBenefitsReview() {
    BenefitsReview due = new BenefitsReview(null, projectId, LATER, BigDecimal.TEN, null, null, null, null, null, null);
    mapper.insertBenefitsReview(due);
    assertThatThrownBy(() -> mapper.insertBenefitsReview(due)).isInstanceOf(DuplicateKeyException.class);
  }
}
