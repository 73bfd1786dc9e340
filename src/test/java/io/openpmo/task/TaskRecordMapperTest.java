package io.openpmo.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openpmo.support.PostgresMapperTest;
import io.openpmo.support.TestRows;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/** Task records on PostgreSQL: what a task decides and who may hold it. */
class TaskRecordMapperTest extends PostgresMapperTest {

  @Autowired TaskRecordMapper mapper;

  static TaskRecord task(String taskId, Long projectId) {
    return new TaskRecord(taskId, "process-" + taskId, "projectInitiation", "Task_ReviewRequest", projectId,
        "risk,security", "rita", null, null, null, null, null, null, TestRows.NOW);
  }

  @Test
  void aRecordIsReadBackAsWritten() {
    long projectId = given.project();
    TaskRecord written = new TaskRecord("task-all", "process-1", "gateReview", "Task_DecideGate", projectId,
        "pmo", "paul,nora", "sam", "GATE_REVIEW", 42L, 2, "COMMITTEE", "gate-board", TestRows.NOW);
    mapper.insert(written);

    TaskRecord read = mapper.findById("task-all").orElseThrow();
    assertThat(read).usingRecursiveComparison().ignoringFields("createdAt").isEqualTo(written);
    assertThat(read.createdAt().toInstant()).isEqualTo(TestRows.NOW.toInstant());
    assertThat(mapper.findById("no-such-task")).isEmpty();
  }

  @Test
  void aTaskWithoutProjectOrReviewKeepsItsNulls() {
    mapper.insert(task("task-bare", null));

    TaskRecord read = mapper.findById("task-bare").orElseThrow();
    assertThat(read.projectId()).isNull();
    assertThat(read.isReview()).isFalse();
    assertThat(read.candidateGroupList()).containsExactly("risk", "security");
  }

  @Test
  void aReviewIsDescribedOnceAndOnlyOnItsOwnTask() {
    long projectId = given.project();
    mapper.insert(task("task-review", projectId));
    mapper.insert(task("task-other", projectId));

    assertThat(mapper.describeReview("task-review", "PROJECT_REQUEST", projectId, 1, "FUNCTIONAL", "risk")).isOne();
    assertThat(mapper.describeReview("task-review", "PROJECT_REQUEST", projectId, 2, "COMMITTEE", "board")).isZero();

    TaskRecord review = mapper.findById("task-review").orElseThrow();
    assertThat(review.subjectType()).isEqualTo("PROJECT_REQUEST");
    assertThat(review.subjectId()).isEqualTo(projectId);
    assertThat(review.reviewRound()).isEqualTo(1);
    assertThat(review.stage()).isEqualTo("FUNCTIONAL");
    assertThat(review.groupId()).isEqualTo("risk");
    assertThat(mapper.findById("task-other").orElseThrow().isReview()).isFalse();
  }

  @Test
  void aTaskIsRecordedOnce() {
    mapper.insert(task("task-once", null));
    assertThatThrownBy(() -> mapper.insert(task("task-once", null))).isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void aTaskIsRecordedOnlyForAnExistingProject() {
    assertThatThrownBy(() -> mapper.insert(task("task-orphan", -1L)))
        .isInstanceOf(DataIntegrityViolationException.class);
  }
}
