package io.openpmo.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openpmo.support.PostgresMapperTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/** The approvals a project needs, on PostgreSQL. */
class ApprovalMapperTest extends PostgresMapperTest {

  @Autowired ApprovalMapper mapper;

  @Test
  void theApprovalsComeBackInRoutingOrder() {
    long projectId = given.project();
    mapper.insert(projectId, "investment-committee", "COMMITTEE", 3);
    mapper.insert(projectId, "risk", "FUNCTIONAL", 1);
    mapper.insert(projectId, "security", "FUNCTIONAL", 2);

    assertThat(mapper.findFor(projectId)).containsExactly(
        new RequiredApproval("risk", "FUNCTIONAL", 1),
        new RequiredApproval("security", "FUNCTIONAL", 2),
        new RequiredApproval("investment-committee", "COMMITTEE", 3));
  }

  @Test
  void replacingTheApprovalsOfOneProjectLeavesTheOthersAlone() {
    long rescored = given.project();
    long other = given.project();
    mapper.insert(rescored, "risk", "FUNCTIONAL", 1);
    mapper.insert(other, "risk", "FUNCTIONAL", 1);

    mapper.deleteFor(rescored);

    assertThat(mapper.findFor(rescored)).isEmpty();
    assertThat(mapper.findFor(other)).extracting(RequiredApproval::groupId).containsExactly("risk");
  }

  @Test
  void aGroupApprovesAProjectOnce() {
    long projectId = given.project();
    mapper.insert(projectId, "risk", "FUNCTIONAL", 1);

    assertThatThrownBy(() -> mapper.insert(projectId, "risk", "COMMITTEE", 2))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void theDatabaseRefusesAnUnknownStage() {
    long projectId = given.project();
    assertThatThrownBy(() -> mapper.insert(projectId, "risk", "WHIM", 1))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void theDatabaseRefusesApprovalsOfAnUnknownProject() {
    assertThatThrownBy(() -> mapper.insert(-1, "risk", "FUNCTIONAL", 1))
        .isInstanceOf(DataIntegrityViolationException.class);
  }
}
