package io.openpmo.modelchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openpmo.support.PostgresMapperTest;
import io.openpmo.support.TestRows;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/** Model changes, their files and checks, the versions in force and what was shipped, on PostgreSQL. */
class ModelChangeMapperTest extends PostgresMapperTest {

  static final OffsetDateTime LATER = TestRows.NOW.plusHours(2);

  @Autowired ModelChangeMapper mapper;

  long propose(String status, Long rollbackOf) {
    return mapper.insert(new ModelChange(null, rollbackOf == null ? ModelChange.CHANGE : ModelChange.ROLLBACK, status,
        "Tighten the G1 checklist", "API", "owen", TestRows.NOW, rollbackOf, 25, null, null, null, null, null, null,
        null));
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aChangeIsReadBackAsProposedAndFoundByItsProcess() {
    long first = propose(ModelChange.CHECKING, null);
    long rollback = propose(ModelChange.CHECKING, first);
    assertThat(mapper.started(rollback, "process-mc")).isOne();

    ModelChange read = mapper.findById(rollback).orElseThrow();
    assertThat(read).usingRecursiveComparison().ignoringFields("proposedAt").isEqualTo(new ModelChange(rollback,
        ModelChange.ROLLBACK, ModelChange.CHECKING, "Tighten the G1 checklist", "API", "owen", null, first, 25,
        "process-mc", null, null, null, null, null, null));
    assertThat(read.proposedAt().toInstant()).isEqualTo(TestRows.NOW.toInstant());
    assertThat(mapper.findByProcessInstance("process-mc")).map(ModelChange::id).contains(rollback);
    assertThat(mapper.findByProcessInstance("process-none")).isEmpty();
  }

  @Test
  void theSearchFiltersByStatusNewestFirstUpToTheLimit() {
    long a = propose(ModelChange.IN_REVIEW, null);
    long b = propose(ModelChange.CHECKING, null);
    long c = propose(ModelChange.IN_REVIEW, null);

    assertThat(mapper.search(ModelChange.IN_REVIEW, 10)).extracting(ModelChange::id).containsExactly(c, a);
    assertThat(mapper.search(null, 2)).extracting(ModelChange::id).containsExactly(c, b);
  }

  @Test
  void aDecisionIsTakenOnlyOnAChangeInReview() {
    long id = propose(ModelChange.CHECKING, null);
    String simulation = "{\"instances\":25,\"paths\":[" + "\"Flow_Approved\",".repeat(2000) + "\"end\"]}";
    assertThat(mapper.setSimulation(id, simulation)).isOne();
    assertThat(mapper.decided(id, ModelChange.REJECTED, "nora", LATER, "too early")).isZero();
    assertThat(mapper.setStatus(id, ModelChange.IN_REVIEW)).isOne();

    assertThat(mapper.decided(id, ModelChange.DEPLOYED, "nora", LATER, "fine")).isOne();
    assertThat(mapper.decided(id, ModelChange.REJECTED, "rita", LATER, "second opinion")).isZero();
    assertThat(mapper.deployed(id, "deployment-1", LATER.plusMinutes(1))).isOne();

    ModelChange read = mapper.findById(id).orElseThrow();
    assertThat(read.simulation()).isEqualTo(simulation);
    assertThat(read.status()).isEqualTo(ModelChange.DEPLOYED);
    assertThat(read.decidedBy()).isEqualTo("nora");
    assertThat(read.decisionComment()).isEqualTo("fine");
    assertThat(read.decidedAt().toInstant()).isEqualTo(LATER.toInstant());
    assertThat(read.deploymentId()).isEqualTo("deployment-1");
    assertThat(read.deployedAt().toInstant()).isEqualTo(LATER.plusMinutes(1).toInstant());
  }

  @Test
  void filesAndCheckResultsAreKeptPerChange() {
    long id = propose(ModelChange.CHECKING, null);
    long other = propose(ModelChange.CHECKING, null);
    mapper.insertFile(new ModelChangeFile(id, "processes/gate.bpmn", "BPMN", bytes("<bpmn/>"), "aa".repeat(32),
        "bb".repeat(32)));
    mapper.insertFile(new ModelChangeFile(id, "dmn/approval.dmn", "DMN", bytes("<dmn/>"), "cc".repeat(32), null));
    mapper.insertFile(new ModelChangeFile(other, "dmn/approval.dmn", "DMN", bytes("<x/>"), "dd".repeat(32), null));
    mapper.insertCheck(id, new CheckProblem("processes/gate.bpmn", "Gateway_Go", 42, CheckProblem.FEEL, "not FEEL"));
    mapper.insertCheck(id, new CheckProblem("dmn/approval.dmn", null, null, CheckProblem.GAP, "no rule for 0"));

    var files = mapper.findFiles(id);
    assertThat(files).extracting(ModelChangeFile::fileName).containsExactly("dmn/approval.dmn", "processes/gate.bpmn");
    assertThat(files.get(0).content()).isEqualTo(bytes("<dmn/>"));
    assertThat(files.get(0).previousSha256()).isNull();
    assertThat(files.get(1)).usingRecursiveComparison().isEqualTo(new ModelChangeFile(id, "processes/gate.bpmn",
        "BPMN", bytes("<bpmn/>"), "aa".repeat(32), "bb".repeat(32)));
    assertThat(mapper.findChecks(id)).containsExactly(
        new CheckProblem("processes/gate.bpmn", "Gateway_Go", 42, CheckProblem.FEEL, "not FEEL"),
        new CheckProblem("dmn/approval.dmn", null, null, CheckProblem.GAP, "no rule for 0"));
    assertThat(mapper.findChecks(other)).isEmpty();
  }

  @Test
  void aFileIsInAChangeOnce() {
    long id = propose(ModelChange.CHECKING, null);
    mapper.insertFile(new ModelChangeFile(id, "dmn/approval.dmn", "DMN", bytes("<dmn/>"), "cc".repeat(32), null));
    assertThatThrownBy(() -> mapper.insertFile(new ModelChangeFile(id, "dmn/approval.dmn", "DMN", bytes("<x/>"),
        "dd".repeat(32), null))).isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void aRollbackNamesAnExistingChange() {
    assertThatThrownBy(() -> propose(ModelChange.CHECKING, -1L)).isInstanceOf(DataIntegrityViolationException.class);
  }

  ModelVersion version(String file, String origin, Long changeId, String deploymentId, OffsetDateTime from) {
    return new ModelVersion(null, file, "BPMN", "ee".repeat(32), bytes("<" + file + "/>"), "v-" + origin, origin,
        changeId, deploymentId, from, null);
  }

  @Test
  void versionsInForceAreReadByFileChangeAndDeployment() {
    long change = propose(ModelChange.DEPLOYED, null);
    long shipped = mapper.insertVersion(version("mc-test/gate.bpmn", ModelVersion.SHIPPED, null, "dep-1",
        TestRows.NOW));
    long other = mapper.insertVersion(version("mc-test/closure.bpmn", ModelVersion.SHIPPED, null, "dep-1",
        TestRows.NOW));
    assertThat(mapper.closeVersion(shipped, LATER)).isOne();
    assertThat(mapper.closeVersion(shipped, LATER.plusDays(1))).isZero();
    long approved = mapper.insertVersion(version("mc-test/gate.bpmn", ModelVersion.APPROVED, change, "dep-2", LATER));

    ModelVersion read = mapper.versionsByChange(change).get(0);
    assertThat(read).usingRecursiveComparison().ignoringFields("inForceFrom").isEqualTo(new ModelVersion(approved,
        "mc-test/gate.bpmn", "BPMN", "ee".repeat(32), bytes("<mc-test/gate.bpmn/>"), "v-APPROVED",
        ModelVersion.APPROVED, change, "dep-2", null, null));
    assertThat(read.inForceFrom().toInstant()).isEqualTo(LATER.toInstant());
    assertThat(mapper.currentVersions()).extracting(ModelVersion::id).containsSubsequence(other, approved)
        .doesNotContain(shipped);
    ModelVersion closed = mapper.versionsOf("mc-test/gate.bpmn").get(0);
    assertThat(closed.id()).isEqualTo(shipped);
    assertThat(closed.inForceUntil().toInstant()).isEqualTo(LATER.toInstant());
    assertThat(mapper.versionsOf("mc-test/gate.bpmn")).extracting(ModelVersion::id).containsExactly(shipped, approved);
    assertThat(mapper.currentVersionsInDeployment("dep-1")).extracting(ModelVersion::id).containsExactly(other);
    assertThat(mapper.versionsInDeployment("dep-1")).extracting(ModelVersion::fileName)
        .containsExactly("mc-test/closure.bpmn", "mc-test/gate.bpmn");
  }

  @Test
  void oneVersionOfAFileIsInForceAtATime() {
    mapper.insertVersion(version("mc-test/gate.bpmn", ModelVersion.SHIPPED, null, "dep-1", TestRows.NOW));
    assertThatThrownBy(() -> mapper.insertVersion(version("mc-test/gate.bpmn", ModelVersion.APPROVED, null, "dep-2",
        LATER))).isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void whatWasShippedIsRecordedAndUpdatedPerFile() {
    var gate = new ModelChangeMapper.Shipped("mc-test/gate.bpmn", "aa".repeat(32), "1.0", TestRows.NOW);
    mapper.insertShipped(gate);
    mapper.insertShipped(new ModelChangeMapper.Shipped("mc-test/closure.bpmn", "bb".repeat(32), null, TestRows.NOW));

    assertThat(mapper.updateShipped(new ModelChangeMapper.Shipped("mc-test/gate.bpmn", "cc".repeat(32), "1.1", LATER)))
        .isOne();
    assertThat(mapper.updateShipped(new ModelChangeMapper.Shipped("mc-test/none.bpmn", "cc".repeat(32), "1.1", LATER)))
        .isZero();

    assertThat(mapper.shipped()).filteredOn(s -> s.fileName().startsWith("mc-test/"))
        .extracting(ModelChangeMapper.Shipped::fileName, ModelChangeMapper.Shipped::sha256,
            ModelChangeMapper.Shipped::versionTag)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("mc-test/closure.bpmn", "bb".repeat(32), null),
            org.assertj.core.groups.Tuple.tuple("mc-test/gate.bpmn", "cc".repeat(32), "1.1"));
    assertThatThrownBy(() -> mapper.insertShipped(gate)).isInstanceOf(DuplicateKeyException.class);
  }
}
