package io.openpmo.boardpack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.openpmo.core.Sha256;
import io.openpmo.intake.ProjectRequest;
import io.openpmo.project.ThirdParty;
import io.openpmo.support.AppTest;
import io.openpmo.support.Http;
import io.openpmo.support.Requests;
import io.openpmo.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * boardPack on the real engine: the monthly timer and the PMO's request both end in a PDF and a CSV archived with
 * their SHA-256, listed under the reports and mailed to the executive committee.
 */
class BoardPackProcessTest extends AppTest {

  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void resetMail() {
    TestMail.reset();
  }

  /** Runs the asynchronous steps of the pack's process, in order. */
  void runJobs(String processInstanceId) {
    for (int step = 0; step < 5; step++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  @Test
  void aPackAskedForByThePmoHasEverySectionIsArchivedWithItsHashAndMailedToTheExecutiveCommittee()
      throws IOException, jakarta.mail.MessagingException {
    // Given a project in delivery that depends on an ICT third party, with a severe risk and a critical issue
    ProjectRequest ict = withThirdParty(Requests.small("Cloud payments gateway"), ThirdParty.ICT_SERVICE);
    String code = journeys().inDelivery(ict, "100000");
    Http paul = http("paul");
    assertThat(paul.post("/api/v1/projects/" + code + "/register", Map.of("kind", "RISK", "title",
        "Provider exit not tested", "severity", "HIGH", "probability", 5, "impact", 5, "owner", "paul")).status())
        .isEqualTo(201);
    assertThat(paul.post("/api/v1/projects/" + code + "/register", Map.of("kind", "ISSUE", "title",
        "Settlement file rejected", "severity", "CRITICAL", "owner", "paul")).status()).isEqualTo(201);

    // When the PMO asks for the pack of the last 30 days
    LocalDate today = LocalDate.now();
    Http.Response requested = http("petra").post("/api/v1/reports/board-packs",
        Map.of("periodFrom", today.minusDays(30).toString(), "periodTo", today.toString()));
    assertThat(requested.status()).as(requested.body()).isEqualTo(202);
    long id = requested.json().get("pack").get("id").asLong();
    runJobs(requested.json().get("pack").get("processInstanceId").asText());

    // Then it is archived and sent, listed under the reports
    JsonNode view = http("erik").get("/api/v1/reports/board-packs/" + id).json();
    assertThat(view.get("pack").get("status").asText()).isEqualTo("SENT");
    assertThat(view.get("pack").get("recipients").asText()).contains("erik@openpmo.local");
    assertThat(view.get("documents").findValuesAsText("format")).containsExactly("CSV", "PDF");
    assertThat(http("audrey").get("/api/v1/reports/board-packs").json().findValuesAsText("code"))
        .contains(view.get("pack").get("code").asText());

    // the PDF has every section, with the project, its risk and issue; its hash is the archived one
    Http.BinaryResponse pdf = http("erik").getBinary("/api/v1/reports/board-packs/" + id + "/pdf");
    assertThat(pdf.status()).isEqualTo(200);
    String sha256 = Sha256.hex(pdf.body());
    assertThat(pdf.header("X-Content-SHA256")).containsExactly(sha256);
    String text = text(pdf.body());
    assertThat(text).contains("Portfolio health", "Health trend", "Budget against plan", "Top risks",
        "Open critical issues", "ICT change affecting critical or important functions (DORA)",
        "Decisions and changes of the period", "Overdue decisions", "Benefits realised against expected");
    assertThat(text).contains(code, "Provider exit not tested", "Settlement file rejected", "ICT_SERVICE",
        "PROJECT_APPROVED");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'BOARD_PACK_ARCHIVED'"
        + " AND details LIKE ?", Integer.class, "%" + sha256 + "%")).isEqualTo(1);

    // the CSV carries the same data, one fact a row
    Http.BinaryResponse csv = http("petra").getBinary("/api/v1/reports/board-packs/" + id + "/csv");
    String data = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(data).startsWith("section,code,item,metric,value,detail").contains("dora," + code + ",")
        .contains("criticalIssue," + code + ",Settlement file rejected");
    assertThat(csv.header("X-Content-SHA256")).containsExactly(Sha256.hex(csv.body()));

    // the executive committee got the links and hashes, not the files
    MimeMessage mail = TestMail.messages().stream().filter(m -> subject(m).contains("Portfolio pack")).findFirst()
        .orElseThrow();
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("erik@openpmo.local");
    assertThat(body(mail)).contains("/api/v1/reports/board-packs/" + id + "/pdf").contains(sha256);
  }

  @Test
  void theMonthlyTimerMakesThePackOfThePreviousMonth() {
    Job timer = managementService.createJobQuery().processDefinitionKey(BoardPackVariables.MONTHLY_PROCESS_KEY)
        .timers().singleResult();
    assertThat(timer).as("the monthly timer start event is scheduled").isNotNull();
    assertThat(timer.getDuedate()).isInTheFuture();

    managementService.executeJob(timer.getId());

    YearMonth previous = YearMonth.now().minusMonths(1);
    var instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(BoardPackVariables.PROCESS_KEY)
        .processInstanceBusinessKeyLike("BP-" + previous + "%").list();
    assertThat(instance).isNotEmpty();
    runJobs(instance.get(0).getId());
    JsonNode packs = http("petra").get("/api/v1/reports/board-packs").json();
    JsonNode monthly = null;
    for (JsonNode pack : packs) {
      if (pack.get("processInstanceId").asText().equals(instance.get(0).getId())) {
        monthly = pack;
      }
    }
    assertThat(monthly).isNotNull();
    assertThat(monthly.get("periodFrom").asText()).isEqualTo(previous.atDay(1).toString());
    assertThat(monthly.get("periodTo").asText()).isEqualTo(previous.atEndOfMonth().toString());
    assertThat(monthly.get("startedBy").asText()).isEqualTo("system");
    assertThat(monthly.get("status").asText()).isEqualTo("SENT");
    // and the next month is scheduled again
    assertThat(managementService.createJobQuery().processDefinitionKey(BoardPackVariables.MONTHLY_PROCESS_KEY)
        .timers().count()).isEqualTo(1);
  }

  @Test
  void onlyThePmoAsksForPacksAndOnlyPortfolioReadersReadThem() {
    assertThat(http("rita").post("/api/v1/reports/board-packs", Map.of("periodFrom", "2026-01-01",
        "periodTo", "2026-01-31")).status()).isEqualTo(403);
    assertThat(http("rita").get("/api/v1/reports/board-packs").status()).isEqualTo(403);
    assertThat(http("fiona").get("/api/v1/reports/board-packs").status()).isEqualTo(403);
    Http.Response bad = http("petra").post("/api/v1/reports/board-packs", Map.of("periodFrom",
        LocalDate.now().toString(), "periodTo", LocalDate.now().plusDays(3).toString()));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("periodTo");
    assertThat(http("petra").get("/api/v1/reports/board-packs/999999").status()).isEqualTo(404);
    assertThat(http("petra").get("/api/v1/reports/board-packs/1/docx").status()).isEqualTo(400);
  }

  static ProjectRequest withThirdParty(ProjectRequest r, ThirdParty thirdParty) {
    return new ProjectRequest(r.title(), r.description(), r.businessUnit(), r.sponsor(), r.projectType(),
        r.strategicAlignment(), r.expectedAnnualBenefit(), r.budget(), r.currency(), r.startDate(),
        r.durationMonths(), r.complexity(), r.personalData(), r.dataClassification(), thirdParty,
        true, r.newTechnology(), r.regulatoryDeadline(), r.externalReference());
  }

  static String text(byte[] pdf) throws IOException {
    try (PdfReader reader = new PdfReader(pdf)) {
      PdfTextExtractor extractor = new PdfTextExtractor(reader);
      StringBuilder text = new StringBuilder();
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        text.append(extractor.getTextFromPage(page)).append('\n');
      }
      return text.toString();
    }
  }

  static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String body(MimeMessage mail) {
    try {
      return mail.getContent().toString();
    } catch (jakarta.mail.MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
