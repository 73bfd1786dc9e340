package io.openpmo.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openpmo.support.PostgresMapperTest;
import io.openpmo.support.TestProjects;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

class ProjectMapperTest extends PostgresMapperTest {

  @Autowired ProjectMapper mapper;

  @Test
  void insertsAndReadsBackEveryField() {
    Project row = TestProjects.row("PRJ-T-" + mapper.nextCodeNumber(), "rita", "JIRA-1");
    mapper.insert(row);

    Project read = mapper.findByCode(row.code()).orElseThrow();
    assertThat(read.id()).isNotNull();
    assertThat(read).usingRecursiveComparison()
        .ignoringFields("id", "createdAt", "updatedAt")
        .withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class)
        .isEqualTo(row);
    assertThat(read.createdAt().toInstant()).isEqualTo(row.createdAt().toInstant());
    assertThat(mapper.findById(read.id())).contains(read);
  }

  @Test
  void codeNumbersComeFromASequenceEvenWithinOneTransaction() {
    long first = mapper.nextCodeNumber();
    assertThat(mapper.nextCodeNumber()).isEqualTo(first + 1);
  }

  @Test
  void anExternalReferenceIsUniquePerSourceSystem() {
    mapper.insert(TestProjects.row("PRJ-T-A" + mapper.nextCodeNumber(), "integrationbot", "SNOW-42"));
    mapper.insert(TestProjects.row("PRJ-T-B" + mapper.nextCodeNumber(), "rita", "SNOW-42"));
    assertThatThrownBy(() -> mapper.insert(TestProjects.row("PRJ-T-C" + mapper.nextCodeNumber(), "integrationbot", "SNOW-42")))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void aProcessIsAttachedOnlyOnce() {
    Project row = TestProjects.row("PRJ-T-" + mapper.nextCodeNumber(), "rita", null);
    mapper.insert(row);
    long id = mapper.findByCode(row.code()).orElseThrow().id();
    assertThat(mapper.attachProcess(id, "process-1", OffsetDateTime.now())).isOne();
    assertThat(mapper.attachProcess(id, "process-2", OffsetDateTime.now())).isZero();
    assertThat(mapper.findById(id).orElseThrow().processInstanceId()).isEqualTo("process-1");
  }

  @Test
  void theDatabaseRefusesValuesOutsideThePolicy() {
    Project bad = TestProjects.row("PRJ-T-" + mapper.nextCodeNumber(), "rita", null);
    Project negativeBudget = new Project(null, bad.code(), bad.title(), bad.description(), bad.businessUnit(),
        bad.sponsor(), bad.requester(), bad.projectType(), 9, bad.expectedAnnualBenefit(), bad.budget(),
        bad.currency(), bad.startDate(), bad.durationMonths(), bad.complexity(), bad.personalData(),
        bad.dataClassification(), bad.thirdParty(), bad.criticalFunction(), bad.newTechnology(),
        bad.regulatoryDeadline(), null, null, null, bad.status(), bad.phase(), null, null, null, null, 0,
        null, null, bad.createdAt(), bad.updatedAt(), null, null, null, 0, null);
    assertThatThrownBy(() -> mapper.insert(negativeBudget)).isInstanceOf(DataIntegrityViolationException.class);
  }
}
