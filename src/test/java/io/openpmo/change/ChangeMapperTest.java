package io.openpmo.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openpmo.project.ChangeStatus;
import io.openpmo.support.PostgresMapperTest;
import io.openpmo.support.TestRows;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/** Change requests on PostgreSQL: codes per project, impact, classification, decision, baselines. */
class ChangeMapperTest extends PostgresMapperTest {

  static final java.time.OffsetDateTime LATER = TestRows.NOW.plusHours(3);

  @Autowired ChangeMapper mapper;

  long projectId;

  @BeforeEach
  void aProject() {
    projectId = given.project();
  }

  ChangeRequest raised(String code) {
    return new ChangeRequest(null, projectId, code, "Add SEPA instant", "The regulator asks", true, "Instant payments",
        30, new BigDecimal("125000.50"), "MEDIUM", true, false, ChangeStatus.RAISED, null, null, null, "paul",
        "API", null, "{\"milestones\":[]}", null, null, null, TestRows.NOW, TestRows.NOW, null);
  }

  @Test
  void aChangeRequestIsReadBackAsWritten() {
    ChangeRequest written = raised("PRJ-CR1");
    long id = mapper.insert(written);

    ChangeRequest read = mapper.findById(id).orElseThrow();
    assertThat(read).usingRecursiveComparison().ignoringFields("id", "reapprovalRequired", "createdAt", "updatedAt")
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(written);
    assertThat(read.id()).isEqualTo(id);
    assertThat(read.reapprovalRequired()).isFalse();
    assertThat(read.createdAt().toInstant()).isEqualTo(TestRows.NOW.toInstant());
    assertThat(mapper.findById(id + 1000)).isEmpty();
  }

  @Test
  void codeNumbersCountPerProject() {
    assertThat(mapper.nextCodeNumber(projectId)).isOne();
    assertThat(mapper.nextCodeNumber(projectId)).isEqualTo(2);
    assertThat(mapper.nextCodeNumber(given.project())).isOne();
  }

  @Test
  void aProjectsChangesAreListedInTheOrderTheyWereRaised() {
    long first = mapper.insert(raised("PRJ-CR1"));
    long second = mapper.insert(raised("PRJ-CR2"));
    long otherProject = given.project();
    mapper.insert(new ChangeRequest(null, otherProject, "OTHER-CR1", "t", "r", false, null, 0, BigDecimal.ZERO, "NONE",
        false, false, ChangeStatus.RAISED, null, null, null, "paul", "API", null, null, null, null, null, TestRows.NOW,
        TestRows.NOW, null));

    assertThat(mapper.findByProject(projectId)).extracting(ChangeRequest::id).containsExactly(first, second);
  }

  @Test
  void anImpactAssessmentRewritesTheImpactAndMarksTheChangeAssessed() {
    long id = mapper.insert(raised("PRJ-CR1"));
    long untouched = mapper.insert(raised("PRJ-CR2"));

    assertThat(mapper.updateImpact(new ChangeRequest(id, projectId, null, null, null, false, null, 0,
        new BigDecimal("-5000.00"), "HIGH", false, true, null, null, null, null, null, null, "Cheaper after all", null,
        null, null, null, null, LATER, null))).isOne();

    ChangeRequest assessed = mapper.findById(id).orElseThrow();
    assertThat(assessed.status()).isEqualTo(ChangeStatus.ASSESSED);
    assertThat(assessed.scopeChange()).isFalse();
    assertThat(assessed.scopeDescription()).isNull();
    assertThat(assessed.delayDays()).isZero();
    assertThat(assessed.costDelta()).isEqualByComparingTo("-5000");
    assertThat(assessed.riskImpact()).isEqualTo("HIGH");
    assertThat(assessed.emergency()).isTrue();
    assertThat(assessed.impactNotes()).isEqualTo("Cheaper after all");
    assertThat(assessed.title()).isEqualTo("Add SEPA instant");
    assertThat(assessed.updatedAt().toInstant()).isEqualTo(LATER.toInstant());
    assertThat(mapper.findById(untouched).orElseThrow().status()).isEqualTo(ChangeStatus.RAISED);
  }

  @Test
  void classificationApprovalAndDecisionAreRecorded() {
    long id = mapper.insert(raised("PRJ-CR1"));

    assertThat(mapper.setClassification(id, "MAJOR", "pmo,steering", LATER)).isOne();
    assertThat(mapper.setStatus(id, ChangeStatus.IN_APPROVAL, LATER)).isOne();
    assertThat(mapper.setReapprovalRequired(id, true)).isOne();
    assertThat(mapper.setReapprovalGroups(id, "investment-committee")).isOne();
    assertThat(mapper.decide(id, ChangeStatus.APPROVED, LATER.plusHours(1))).isOne();
    assertThat(mapper.attachProcess(id, "process-1")).isOne();
    assertThat(mapper.attachProcess(id, "process-2")).isZero();

    ChangeRequest read = mapper.findById(id).orElseThrow();
    assertThat(read.changeClass()).isEqualTo("MAJOR");
    assertThat(read.approverGroups()).isEqualTo("pmo,steering");
    assertThat(read.reapprovalRequired()).isTrue();
    assertThat(read.status()).isEqualTo(ChangeStatus.APPROVED);
    assertThat(read.decidedAt().toInstant()).isEqualTo(LATER.plusHours(1).toInstant());
    assertThat(read.updatedAt().toInstant()).isEqualTo(LATER.plusHours(1).toInstant());
    assertThat(read.processInstanceId()).isEqualTo("process-1");
    assertThat(given.read(String.class, "SELECT reapproval_groups FROM change_request WHERE id = ?", id))
        .isEqualTo("investment-committee");
  }

  @Test
  void theBaselinesBeforeAndAfterAreLinked() {
    long id = mapper.insert(raised("PRJ-CR1"));
    long before = given.baseline(projectId, 1, "IN_FORCE", "1000000", LocalDate.of(2027, 1, 1),
        LocalDate.of(2027, 12, 31));
    long after = given.baseline(projectId, 2, "DRAFT", "1125000", LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 31));

    assertThat(mapper.setBaselines(id, before, after)).isOne();

    ChangeRequest read = mapper.findById(id).orElseThrow();
    assertThat(read.baselineBeforeId()).isEqualTo(before);
    assertThat(read.baselineAfterId()).isEqualTo(after);
    assertThat(mapper.setBaselines(id, before, null)).isOne();
    assertThat(mapper.findById(id).orElseThrow().baselineAfterId()).isNull();
  }

  @Test
  void aBaselineLinkMustNameAnExistingBaseline() {
    long id = mapper.insert(raised("PRJ-CR1"));
    assertThatThrownBy(() -> mapper.setBaselines(id, -1L, null)).isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void aCodeIsTakenOnce() {
    mapper.insert(raised("PRJ-CR1"));
    assertThatThrownBy(() -> mapper.insert(raised("PRJ-CR1"))).isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void theDatabaseRefusesANegativeDelay() {
    ChangeRequest r = raised("PRJ-CR1");
    assertThatThrownBy(() -> mapper.insert(new ChangeRequest(null, projectId, r.code(), r.title(), r.reason(),
        r.scopeChange(), r.scopeDescription(), -1, r.costDelta(), r.riskImpact(), r.regulatoryImpact(), r.emergency(),
        r.status(), null, null, null, r.requestedBy(), r.raisedVia(), null, null, null, null, null, r.createdAt(),
        r.updatedAt(), null))).isInstanceOf(DataIntegrityViolationException.class);
  }
}
