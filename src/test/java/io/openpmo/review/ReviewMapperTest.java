package io.openpmo.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openpmo.support.PostgresMapperTest;
import io.openpmo.support.TestRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/** Review decisions on PostgreSQL: votes, recusals, deputies, and the database's "one person, one vote". */
class ReviewMapperTest extends PostgresMapperTest {

  static final ReviewSubjectType REQUEST = ReviewSubjectType.PROJECT_REQUEST;

  @Autowired ReviewMapper mapper;

  long projectId;

  @BeforeEach
  void aProject() {
    projectId = given.project();
  }

  ReviewDecision vote(ReviewSubjectType type, long subjectId, int round, String reviewer, String decision,
      String actingFor, int minutes) {
    return new ReviewDecision(null, type, subjectId, type == ReviewSubjectType.MODEL_CHANGE ? null : projectId, round,
        "FUNCTIONAL", "risk", reviewer, decision, "because " + reviewer, "task-" + reviewer + "-" + round + "-" + minutes,
        TestRows.NOW.plusMinutes(minutes), actingFor);
  }

  @Test
  void aDecisionIsReadBackAsWrittenWithItsTypedSubject() {
    ReviewDecision written = vote(REQUEST, projectId, 1, "rita", "APPROVE", "sam", 0);
    mapper.insert(written);

    ReviewDecision read = mapper.findBySubject(REQUEST, projectId).get(0);
    assertThat(read.id()).isNotNull();
    assertThat(read).usingRecursiveComparison().ignoringFields("id", "decidedAt").isEqualTo(written);
    assertThat(read.subjectType()).isEqualTo(REQUEST);
    assertThat(read.decidedAt().toInstant()).isEqualTo(written.decidedAt().toInstant());
  }

  @Test
  void decisionsAreListedByTimeAndFilteredBySubjectRoundAndProject() {
    mapper.insert(vote(REQUEST, projectId, 1, "rita", "REWORK", null, 20));
    mapper.insert(vote(REQUEST, projectId, 1, "paul", "APPROVE", null, 10));
    mapper.insert(vote(REQUEST, projectId, 2, "rita", "APPROVE", null, 30));
    mapper.insert(vote(ReviewSubjectType.GATE_REVIEW, projectId, 1, "nora", "GO", null, 5));
    long otherProject = given.project();
    mapper.insert(new ReviewDecision(null, REQUEST, otherProject, otherProject, 1, "FUNCTIONAL", "risk", "rita",
        "APPROVE", null, "task-elsewhere", TestRows.NOW, null));

    assertThat(mapper.findBySubject(REQUEST, projectId)).extracting(ReviewDecision::reviewer)
        .containsExactly("paul", "rita", "rita");
    assertThat(mapper.findByRound(REQUEST, projectId, 1)).extracting(ReviewDecision::decision)
        .containsExactly("APPROVE", "REWORK");
    assertThat(mapper.findByProject(projectId)).extracting(ReviewDecision::reviewer)
        .containsExactly("nora", "paul", "rita", "rita");
  }

  @Test
  void aRecusalIsNotAVoteButCountsAsARecusal() {
    mapper.insert(vote(REQUEST, projectId, 1, "rita", "RECUSED", null, 0));
    mapper.insert(vote(REQUEST, projectId, 2, "rita", "RECUSED", null, 1));
    mapper.insert(vote(REQUEST, projectId, 2, "paul", "APPROVE", "sam", 2));

    assertThat(mapper.countVotes(REQUEST, projectId, 1, "rita")).isZero();
    assertThat(mapper.countRecusals(REQUEST, projectId, "rita")).isEqualTo(2);
    assertThat(mapper.countVotes(REQUEST, projectId, 2, "paul")).isOne();
    assertThat(mapper.countVotes(REQUEST, projectId, 1, "paul")).isZero();
    assertThat(mapper.countVotesFor(REQUEST, projectId, 2, "sam")).isOne();
    assertThat(mapper.countVotesFor(REQUEST, projectId, 2, "paul")).isZero();
  }

  @Test
  void aModelChangeIsReviewedWithoutAProject() {
    mapper.insert(vote(ReviewSubjectType.MODEL_CHANGE, 7, 1, "nora", "APPROVE", null, 0));

    assertThat(mapper.findBySubject(ReviewSubjectType.MODEL_CHANGE, 7)).singleElement()
        .satisfies(read -> assertThat(read.projectId()).isNull());
  }

  @Test
  void thePersonVotesOncePerRound() {
    mapper.insert(vote(REQUEST, projectId, 1, "rita", "RECUSED", null, 0));
    mapper.insert(vote(REQUEST, projectId, 1, "rita", "APPROVE", null, 1));

    assertThatThrownBy(() -> mapper.insert(vote(REQUEST, projectId, 1, "rita", "REJECT", null, 2)))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void aDeputyVotesOncePerRoundForTheAbsentPerson() {
    mapper.insert(vote(REQUEST, projectId, 1, "paul", "APPROVE", "sam", 0));

    assertThatThrownBy(() -> mapper.insert(vote(REQUEST, projectId, 1, "nora", "REJECT", "sam", 1)))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void theDatabaseRefusesADecisionOutsideTheVocabulary() {
    assertThatThrownBy(() -> mapper.insert(vote(REQUEST, projectId, 1, "rita", "MAYBE", null, 0)))
        .isInstanceOf(DataIntegrityViolationException.class);
  }
}
