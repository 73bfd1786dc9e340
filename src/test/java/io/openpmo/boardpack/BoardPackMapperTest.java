package io.openpmo.boardpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.openpmo.project.ProjectPhase;
import io.openpmo.project.ProjectStatus;
import io.openpmo.support.PostgresMapperTest;
import io.openpmo.support.TestRows;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/** Board packs, their archived files, and what a pack reports, on PostgreSQL. */
class BoardPackMapperTest extends PostgresMapperTest {

  static final LocalDate Q1 = LocalDate.of(2027, 1, 1);
  static final OffsetDateTime T0 = TestRows.NOW;

  @Autowired BoardPackMapper mapper;

  long pack(String code, LocalDate from) {
    return mapper.insert(new BoardPack(null, code, from, from.plusMonths(3).minusDays(1), BoardPack.PREPARING, "nora",
        null, T0, null, null, null));
  }

  BoardPack.Document document(long packId, String format, String text) {
    byte[] content = text.getBytes(StandardCharsets.UTF_8);
    return new BoardPack.Document(null, packId, format, "pack." + format.toLowerCase(), "application/" + format,
        content, content.length, "ab".repeat(32), "nora", T0);
  }

  @Test
  void aPackIsReadBackAsWrittenAndCountedForItsPeriod() {
    long first = pack("BP-T-1", Q1);
    long id = pack("BP-T-2", Q1);
    pack("BP-T-3", Q1.plusMonths(3));

    BoardPack read = mapper.findById(id).orElseThrow();
    assertThat(read).usingRecursiveComparison().ignoringFields("createdAt").isEqualTo(new BoardPack(id, "BP-T-2", Q1,
        LocalDate.of(2027, 3, 31), BoardPack.PREPARING, "nora", null, null, null, null, null));
    assertThat(read.createdAt().toInstant()).isEqualTo(T0.toInstant());
    assertThat(mapper.countForPeriod(Q1)).isEqualTo(2);
    assertThat(mapper.countForPeriod(Q1.plusYears(5))).isZero();
    assertThat(mapper.findAll()).extracting(BoardPack::id).containsSubsequence(id, first);
  }

  @Test
  void aPackIsArchivedOnceThenSent() {
    long id = pack("BP-T-1", Q1);
    assertThat(mapper.attachProcess(id, "process-1")).isOne();
    assertThat(mapper.attachProcess(id, "process-2")).isZero();

    assertThat(mapper.markArchived(id, T0.plusHours(1))).isOne();
    assertThat(mapper.markArchived(id, T0.plusHours(2))).isZero();
    assertThat(mapper.markSent(id, T0.plusHours(3), "board@bank.example,cro@bank.example")).isOne();

    BoardPack read = mapper.findById(id).orElseThrow();
    assertThat(read.processInstanceId()).isEqualTo("process-1");
    assertThat(read.status()).isEqualTo(BoardPack.SENT);
    assertThat(read.archivedAt().toInstant()).isEqualTo(T0.plusHours(1).toInstant());
    assertThat(read.sentAt().toInstant()).isEqualTo(T0.plusHours(3).toInstant());
    assertThat(read.recipients()).isEqualTo("board@bank.example,cro@bank.example");
  }

  @Test
  void thePeriodEndsOnOrAfterItsStart() {
    assertThatThrownBy(() -> mapper.insert(new BoardPack(null, "BP-T-1", Q1, Q1.minusDays(1), BoardPack.PREPARING,
        "nora", null, T0, null, null, null))).isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void documentsKeepTheirBytesWhichTheListLeavesOut() {
    long id = pack("BP-T-1", Q1);
    long pdf = mapper.insertDocument(document(id, "PDF", "%PDF-1.7"));
    long csv = mapper.insertDocument(document(id, "CSV", "code,health"));

    assertThat(mapper.findDocuments(id)).extracting(BoardPack.Document::id, BoardPack.Document::content)
        .containsExactly(tuple(csv, null), tuple(pdf, null));
    BoardPack.Document read = mapper.findDocument(id, "PDF").orElseThrow();
    assertThat(read).usingRecursiveComparison().ignoringFields("id", "createdAt")
        .isEqualTo(document(id, "PDF", "%PDF-1.7"));
    assertThat(read.createdAt().toInstant()).isEqualTo(T0.toInstant());
    assertThat(mapper.findDocument(id, "XLS")).isEmpty();
  }

  @Test
  void aPackHasOneFileOfEachFormat() {
    long id = pack("BP-T-1", Q1);
    mapper.insertDocument(document(id, "PDF", "one"));
    assertThatThrownBy(() -> mapper.insertDocument(document(id, "PDF", "two")))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void ratingsAreTheRatedReportsOfLiveProjectsInDateOrder() {
    long live = given.project(ProjectStatus.ACTIVE, ProjectPhase.DELIVERY);
    long rejected = given.project(ProjectStatus.REJECTED, ProjectPhase.INITIATION);
    long liveBaseline = given.baselineInForce(live, "1000000");
    long rejectedBaseline = given.baselineInForce(rejected, "1000000");
    given.statusReport(live, liveBaseline, LocalDate.of(2027, 2, 28), "100", "100", "100", "AMBER");
    given.statusReport(live, liveBaseline, LocalDate.of(2027, 1, 31), "100", "100", "100", "GREEN");
    given.statusReport(live, liveBaseline, LocalDate.of(2027, 3, 31), "100", "100", "100", null);
    given.statusReport(rejected, rejectedBaseline, LocalDate.of(2027, 1, 31), "100", "100", "100", "RED");

    assertThat(mapper.ratings()).filteredOn(r -> Set.of(live, rejected).contains(r.projectId()))
        .containsExactly(new BoardPackMapper.Rating(live, LocalDate.of(2027, 1, 31), "GREEN"),
            new BoardPackMapper.Rating(live, LocalDate.of(2027, 2, 28), "AMBER"));
  }

  @Test
  void openRisksAndIssuesOfLiveProjectsWithTheirScore() {
    long live = given.project(ProjectStatus.ACTIVE, ProjectPhase.DELIVERY);
    long closed = given.project(ProjectStatus.CLOSED, ProjectPhase.CLOSED);
    long issue = given.riskIssue(live, "ISSUE", "CRITICAL", "MITIGATING");
    long risk = given.riskIssue(live, "RISK", "HIGH", "OPEN");
    given.riskIssue(live, "RISK", "LOW", "CLOSED");
    given.riskIssue(closed, "RISK", "HIGH", "OPEN");
    Set<String> mine = Set.of(given.code(live), given.code(closed));

    List<BoardPackContent.RiskLine> lines = mapper.openRisksAndIssues().stream().filter(l -> mine.contains(l.code()))
        .toList();
    assertThat(lines).extracting(BoardPackContent.RiskLine::title).containsExactly("ISSUE CRITICAL", "RISK HIGH");
    assertThat(lines.get(1)).isEqualTo(new BoardPackContent.RiskLine(given.code(live),
        given.projectRow(live).title(), "RISK", "RISK HIGH", "HIGH", 12, "paul", "OPEN", LocalDate.of(2027, 3, 31)));
    assertThat(issue).isLessThan(risk);
  }

  @Test
  void doraProjectsAreLiveOnesWithACriticalFunctionOrAThirdPartyCriticalOnesFirst() {
    long critical = given.project(ProjectStatus.ACTIVE, ProjectPhase.DELIVERY);
    given.setProject(critical, "critical_function = TRUE, health = ?, risk_tier = ?", "AMBER", "HIGH");
    long outsourced = given.project();
    given.setProject(outsourced, "third_party = ?", "CRITICAL_OUTSOURCING");
    long plain = given.project();
    long withdrawn = given.project(ProjectStatus.WITHDRAWN, ProjectPhase.INITIATION);
    given.setProject(withdrawn, "critical_function = TRUE");
    Set<String> mine = Set.of(given.code(critical), given.code(outsourced), given.code(plain), given.code(withdrawn));

    List<BoardPackContent.DoraLine> lines = mapper.doraProjects().stream().filter(l -> mine.contains(l.code()))
        .toList();
    assertThat(lines).extracting(BoardPackContent.DoraLine::code)
        .containsExactly(given.code(critical), given.code(outsourced));
    assertThat(lines.get(0)).isEqualTo(new BoardPackContent.DoraLine(given.code(critical),
        given.projectRow(critical).title(), "NONE", true, "ACTIVE", "DELIVERY", "AMBER", "HIGH"));
    assertThat(lines.get(1).thirdParty()).isEqualTo("CRITICAL_OUTSOURCING");
    assertThat(lines.get(1).criticalFunction()).isFalse();
  }

  @Test
  void decisionsAreTheChosenActionsOfThePeriodInTheOrderTheyHappened() {
    OffsetDateTime from = OffsetDateTime.parse("2027-01-01T00:00:00+01:00");
    OffsetDateTime to = OffsetDateTime.parse("2027-04-01T00:00:00+02:00");
    given.auditEvent(from.minusSeconds(1), "sam", "BP_TEST_APPROVED", 1L, "PRJ-1", "{}");
    long second = given.auditEvent(from.plusDays(2), "nora", "BP_TEST_GATE", 2L, "PRJ-2", "{\"gate\":\"G1\"}");
    long first = given.auditEvent(from, "sam", "BP_TEST_APPROVED", 1L, "PRJ-1", "{}");
    given.auditEvent(from.plusDays(3), "nora", "BP_TEST_OTHER", 2L, "PRJ-2", "{}");
    given.auditEvent(to, "sam", "BP_TEST_APPROVED", 3L, "PRJ-3", "{}");

    List<BoardPackContent.DecisionLine> lines = mapper.decisions(from, to, List.of("BP_TEST_APPROVED", "BP_TEST_GATE"));
    assertThat(lines).extracting(BoardPackContent.DecisionLine::code).containsExactly("PRJ-1", "PRJ-2");
    assertThat(lines.get(1)).usingRecursiveComparison().ignoringFields("at").isEqualTo(new BoardPackContent
        .DecisionLine(null, "PRJ-2", "BP_TEST_GATE", "nora", "{\"gate\":\"G1\"}"));
    assertThat(lines.get(0).at().toInstant()).isEqualTo(from.toInstant());
    assertThat(first).isGreaterThan(second);
  }

  @Test
  void benefitsReviewsInTheOrderTheyAreDue() {
    long later = given.project(ProjectStatus.CLOSED, ProjectPhase.CLOSED);
    long sooner = given.project(ProjectStatus.CLOSED, ProjectPhase.CLOSED);
    given.benefitsReview(later, T0.plusMonths(6), "900000", null);
    given.benefitsReview(sooner, T0.plusMonths(1), "800000", "600000");
    Set<String> mine = Set.of(given.code(later), given.code(sooner));

    List<BoardPackContent.BenefitLine> lines = mapper.benefits().stream().filter(l -> mine.contains(l.code())).toList();
    assertThat(lines).extracting(BoardPackContent.BenefitLine::code)
        .containsExactly(given.code(sooner), given.code(later));
    BoardPackContent.BenefitLine reviewed = lines.get(0);
    assertThat(reviewed.title()).isEqualTo(given.projectRow(sooner).title());
    assertThat(reviewed.expected()).isEqualByComparingTo("800000");
    assertThat(reviewed.realised()).isEqualByComparingTo("600000");
    assertThat(reviewed.ratio()).isEqualByComparingTo("0.75");
    assertThat(reviewed.outcome()).isEqualTo("PARTIALLY_ACHIEVED");
    assertThat(reviewed.dueAt().toInstant()).isEqualTo(T0.plusMonths(1).toInstant());
    assertThat(reviewed.reviewedAt().toInstant()).isEqualTo(T0.toInstant());
    assertThat(lines.get(1).realised()).isNull();
    assertThat(lines.get(1).reviewedAt()).isNull();
  }
}
