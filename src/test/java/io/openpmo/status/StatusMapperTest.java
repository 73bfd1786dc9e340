package io.openpmo.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openpmo.project.ProjectMapper;
import io.openpmo.support.PostgresMapperTest;
import io.openpmo.support.TestProjects;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/** The risk and issue register's statements on PostgreSQL. */
class StatusMapperTest extends PostgresMapperTest {

  static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);

  @Autowired StatusMapper mapper;
  @Autowired ProjectMapper projects;

  long projectId;

  @BeforeEach
  void aProject() {
    String code = "PRJ-S-" + projects.nextCodeNumber();
    projects.insert(TestProjects.row(code, "rita", null));
    projectId = projects.findByCode(code).orElseThrow().id();
  }

  RiskIssue entry(String kind, String severity, String status) {
    return new RiskIssue(null, projectId, kind, kind + " " + severity, "what could happen", severity, 3, 4, "paul",
        RegisterStatus.valueOf(status), LocalDate.of(2027, 3, 31), "paul", NOW, NOW);
  }

  @Test
  void anEntryIsReadBackAsWritten() {
    long id = mapper.insertRiskIssue(entry("RISK", "HIGH", "OPEN"));

    RiskIssue read = mapper.findRiskIssue(id).orElseThrow();
    assertThat(read).usingRecursiveComparison().ignoringFields("id", "createdAt", "updatedAt")
        .isEqualTo(entry("RISK", "HIGH", "OPEN"));
    assertThat(read.createdAt().toInstant()).isEqualTo(NOW.toInstant());
  }

  @Test
  void theRegisterListsRisksAndIssuesMostSevereFirst() {
    mapper.insertRiskIssue(entry("RISK", "LOW", "OPEN"));
    mapper.insertRiskIssue(entry("RISK", "CRITICAL", "OPEN"));
    mapper.insertRiskIssue(entry("ISSUE", "MEDIUM", "OPEN"));

    assertThat(mapper.findRegister(projectId, "RISK")).extracting(RiskIssue::severity)
        .containsExactly("CRITICAL", "LOW");
    assertThat(mapper.findRegister(projectId, null)).extracting(RiskIssue::kind)
        .containsExactly("ISSUE", "RISK", "RISK");
  }

  @Test
  void onlyOpenAndMitigatingEntriesOfTheGivenSeveritiesCount() {
    mapper.insertRiskIssue(entry("ISSUE", "CRITICAL", "OPEN"));
    mapper.insertRiskIssue(entry("ISSUE", "CRITICAL", "MITIGATING"));
    mapper.insertRiskIssue(entry("ISSUE", "CRITICAL", "CLOSED"));
    mapper.insertRiskIssue(entry("ISSUE", "LOW", "OPEN"));
    mapper.insertRiskIssue(entry("RISK", "CRITICAL", "OPEN"));

    assertThat(mapper.countOpen(projectId, "ISSUE", List.of("CRITICAL"))).isEqualTo(2);
    assertThat(mapper.countOpen(projectId, "ISSUE", List.of("CRITICAL", "LOW"))).isEqualTo(3);
  }

  @Test
  void anUpdateClosesAnEntry() {
    long id = mapper.insertRiskIssue(entry("RISK", "HIGH", "OPEN"));
    RiskIssue read = mapper.findRiskIssue(id).orElseThrow();

    assertThat(mapper.updateRiskIssue(new RiskIssue(id, projectId, "RISK", read.title(), read.description(), "HIGH",
        2, 2, "nora", RegisterStatus.CLOSED, read.dueDate(), read.createdBy(), read.createdAt(), NOW))).isOne();

    RiskIssue closed = mapper.findRiskIssue(id).orElseThrow();
    assertThat(closed.status()).isEqualTo(RegisterStatus.CLOSED);
    assertThat(closed.owner()).isEqualTo("nora");
    assertThat(mapper.countOpen(projectId, "RISK", List.of("HIGH"))).isZero();
  }

  @Test
  void theDatabaseRefusesValuesOutsideTheRegistersVocabulary() {
    assertThatThrownBy(() -> mapper.insertRiskIssue(entry("RUMOUR", "HIGH", "OPEN")))
        .isInstanceOf(DataIntegrityViolationException.class);
  }
}
