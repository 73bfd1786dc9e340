package io.openpmo.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openpmo.project.ProjectPhase;
import io.openpmo.project.ProjectStatus;
import io.openpmo.support.PostgresMapperTest;
import io.openpmo.support.TestRows;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/** The objectives catalogue and the links of projects to it, on PostgreSQL. */
class ObjectiveMapperTest extends PostgresMapperTest {

  @Autowired ObjectiveMapper mapper;

  static Objective objective(String code, boolean active) {
    return new Objective(null, code, "Objective " + code, "What " + code + " means", "sam", "Cost/income ratio",
        "below 55%", LocalDate.of(2027, 1, 1), LocalDate.of(2029, 12, 31), 4, active, "pmo-lead", TestRows.NOW,
        TestRows.NOW);
  }

  long insert(String code, boolean active) {
    mapper.insert(objective(code, active));
    return mapper.findByCode(code).orElseThrow().id();
  }

  @Test
  void anObjectiveIsReadBackAsWritten() {
    mapper.insert(objective("OT-COST", true));

    Objective read = mapper.findByCode("OT-COST").orElseThrow();
    assertThat(read.id()).isNotNull();
    assertThat(read).usingRecursiveComparison().ignoringFields("id", "createdAt", "updatedAt")
        .isEqualTo(objective("OT-COST", true));
    assertThat(read.createdAt().toInstant()).isEqualTo(TestRows.NOW.toInstant());
    assertThat(mapper.findByCode("OT-NONE")).isEmpty();
  }

  @Test
  void theCatalogueIsListedByCodeWithOrWithoutInactiveOnes() {
    insert("OT-B", true);
    insert("OT-A", false);
    insert("OT-C", true);

    assertThat(mapper.findAll(false)).extracting(Objective::code).filteredOn(c -> c.startsWith("OT-"))
        .containsExactly("OT-A", "OT-B", "OT-C");
    assertThat(mapper.findAll(true)).extracting(Objective::code).filteredOn(c -> c.startsWith("OT-"))
        .containsExactly("OT-B", "OT-C");
    assertThat(mapper.findByCodes(List.of("OT-C", "OT-A", "OT-NONE"))).extracting(Objective::code)
        .containsExactly("OT-A", "OT-C");
  }

  @Test
  void anUpdateByCodeRewritesOnlyThatObjective() {
    insert("OT-A", true);
    insert("OT-B", true);
    Objective a = objective("OT-A", false);

    assertThat(mapper.update(new Objective(null, "OT-A", "Renamed", null, "nora", "NPS", "above 40",
        LocalDate.of(2028, 1, 1), LocalDate.of(2028, 12, 31), 2, false, "ignored", a.createdAt(),
        TestRows.NOW.plusDays(1)))).isOne();
    assertThat(mapper.update(objective("OT-NONE", true))).isZero();

    Objective read = mapper.findByCode("OT-A").orElseThrow();
    assertThat(read).usingRecursiveComparison().ignoringFields("id", "createdAt", "updatedAt").isEqualTo(
        new Objective(null, "OT-A", "Renamed", null, "nora", "NPS", "above 40", LocalDate.of(2028, 1, 1),
            LocalDate.of(2028, 12, 31), 2, false, "pmo-lead", null, null));
    assertThat(read.updatedAt().toInstant()).isEqualTo(TestRows.NOW.plusDays(1).toInstant());
    assertThat(mapper.findByCode("OT-B").orElseThrow().name()).isEqualTo("Objective OT-B");
  }

  @Test
  void aProjectsLinksAreReplacedAsAWhole() {
    long a = insert("OT-A", true);
    long b = insert("OT-B", true);
    long project = given.project();
    long other = given.project();
    mapper.link(project, b);
    mapper.link(project, a);
    mapper.link(other, a);

    assertThat(mapper.findForProject(project)).extracting(Objective::code).containsExactly("OT-A", "OT-B");
    assertThat(mapper.unlinkAll(project)).isEqualTo(2);
    assertThat(mapper.findForProject(project)).isEmpty();
    assertThat(mapper.findForProject(other)).extracting(Objective::code).containsExactly("OT-A");
  }

  @Test
  void coverageListsTheLiveProjectsBehindEachObjectiveWithTheirRealisedBenefit() {
    long a = insert("OT-A", true);
    long b = insert("OT-B", true);
    long closed = given.project(ProjectStatus.CLOSED, ProjectPhase.CLOSED);
    long active = given.project(ProjectStatus.ACTIVE, ProjectPhase.DELIVERY);
    long rejected = given.project(ProjectStatus.REJECTED, ProjectPhase.INITIATION);
    long withdrawn = given.project(ProjectStatus.WITHDRAWN, ProjectPhase.INITIATION);
    Stream.of(closed, active, rejected, withdrawn).forEach(p -> mapper.link(p, a));
    mapper.link(active, b);
    given.benefitsReview(closed, TestRows.NOW, "900000", "450000");

    List<ObjectiveCoverage.ProjectLine> lines = mapper.coverage().stream()
        .filter(line -> line.objectiveCode().startsWith("OT-")).toList();

    List<String> codesOfA = Stream.of(closed, active).map(given::code).sorted().toList();
    assertThat(lines).extracting(line -> line.objectiveCode() + " " + line.code()).containsExactly(
        "OT-A " + codesOfA.get(0), "OT-A " + codesOfA.get(1), "OT-B " + given.code(active));
    ObjectiveCoverage.ProjectLine closedLine = lines.stream().filter(l -> l.code().equals(given.code(closed)))
        .findFirst().orElseThrow();
    assertThat(closedLine.status()).isEqualTo("CLOSED");
    assertThat(closedLine.phase()).isEqualTo("CLOSED");
    assertThat(closedLine.title()).isEqualTo(given.projectRow(closed).title());
    assertThat(closedLine.budget()).isEqualByComparingTo("1500000");
    assertThat(closedLine.expectedAnnualBenefit()).isEqualByComparingTo("900000");
    assertThat(closedLine.realisedAnnualBenefit()).isEqualByComparingTo("450000");
    assertThat(lines).filteredOn(l -> l.code().equals(given.code(active)))
        .allSatisfy(l -> assertThat(l.realisedAnnualBenefit()).isNull());
  }

  @Test
  void aCodeIsTakenOnce() {
    insert("OT-A", true);
    assertThatThrownBy(() -> mapper.insert(objective("OT-A", false))).isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void aProjectIsLinkedToAnObjectiveOnce() {
    long a = insert("OT-A", true);
    long project = given.project();
    mapper.link(project, a);
    assertThatThrownBy(() -> mapper.link(project, a)).isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void theDatabaseRefusesAWeightAboveFive() {
    Objective o = objective("OT-HEAVY", true);
    assertThatThrownBy(() -> mapper.insert(new Objective(null, o.code(), o.name(), o.description(), o.owner(), o.kpi(),
        o.target(), o.periodFrom(), o.periodTo(), 6, true, o.createdBy(), o.createdAt(), o.updatedAt())))
        .isInstanceOf(DataIntegrityViolationException.class);
  }
}
