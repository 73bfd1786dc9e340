package io.openpmo.boardpack;

import io.openpmo.audit.AuditTrail;
import io.openpmo.core.CurrentUser;
import io.openpmo.core.EngineAccess;
import io.openpmo.core.FieldProblem;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.core.NotFoundException;
import io.openpmo.core.Sha256;
import io.openpmo.notify.Notifier;
import io.openpmo.security.Groups;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The management body's packs: opened for a period (each month by the boardPack process's timer, or on request of
 * the PMO), compiled into a PDF and a CSV that are archived with their SHA-256 (on the audit trail), and mailed to
 * the executive committee as links (the files stay behind the API's access control).
 */
@Service
public class BoardPacks {

  public static final String PDF = "PDF";
  public static final String CSV = "CSV";
  static final int MAX_PERIOD_DAYS = 366;

  private final BoardPackMapper mapper;
  private final BoardPackContents contents;
  private final BoardPackPdf pdf;
  private final Notifier notifier;
  private final RuntimeService runtimeService;
  private final EngineAccess engineAccess;
  private final AuditTrail auditTrail;
  private final Clock clock;
  private final String publicUrl;

  public BoardPacks(BoardPackMapper mapper, BoardPackContents contents, BoardPackPdf pdf, Notifier notifier,
      RuntimeService runtimeService, EngineAccess engineAccess, AuditTrail auditTrail, Clock clock,
      @org.springframework.beans.factory.annotation.Value("${openpmo.public-url}") String publicUrl) {
    this.mapper = mapper;
    this.contents = contents;
    this.pdf = pdf;
    this.notifier = notifier;
    this.runtimeService = runtimeService;
    this.engineAccess = engineAccess;
    this.auditTrail = auditTrail;
    this.clock = clock;
    this.publicUrl = publicUrl.replaceAll("/$", "");
  }

  /** The PMO asks for a pack of a period now: the process compiles and sends it (asynchronous steps). */
  @Transactional
  public BoardPack request(LocalDate from, LocalDate to, String by) {
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate today = LocalDate.now(clock);
    if (from == null) {
      problems.add(new FieldProblem("periodFrom", "is required as YYYY-MM-DD"));
    }
    if (to == null) {
      problems.add(new FieldProblem("periodTo", "is required as YYYY-MM-DD"));
    } else if (to.isAfter(today)) {
      problems.add(new FieldProblem("periodTo", "must not be in the future"));
    }
    if (from != null && to != null && (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_PERIOD_DAYS)) {
      problems.add(new FieldProblem("periodTo", "must be on or after periodFrom, within a year of it"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    BoardPack pack = open(from, to, by);
    String instance = engineAccess.asSystem(() -> runtimeService.createProcessInstanceByKey(BoardPackVariables.PROCESS_KEY)
        .businessKey(pack.code()).setVariable(BoardPackVariables.BOARD_PACK_ID, pack.id()).execute().getId());
    mapper.attachProcess(pack.id(), instance);
    return get(pack.id());
  }

  /** The monthly pack: the previous calendar month. */
  @Transactional
  public BoardPack openForPreviousMonth() {
    YearMonth previous = YearMonth.now(clock).minusMonths(1);
    return open(previous.atDay(1), previous.atEndOfMonth(), CurrentUser.SYSTEM);
  }

  private BoardPack open(LocalDate from, LocalDate to, String by) {
    int earlier = mapper.countForPeriod(from);
    String code = "BP-" + YearMonth.from(from) + (earlier == 0 ? "" : "-" + (earlier + 1));
    long id = mapper.insert(new BoardPack(null, code, from, to, BoardPack.PREPARING, by, null, now(), null, null,
        null));
    auditTrail.record(by, "BOARD_PACK_OPENED", null, null, Map.of("boardPack", code, "periodFrom", from.toString(),
        "periodTo", to.toString()));
    return get(id);
  }

  @Transactional
  public void attachProcess(long id, String processInstanceId) {
    mapper.attachProcess(id, processInstanceId);
  }

  /** Assembles and prints the pack, archives PDF and CSV with their SHA-256; a retry after success does nothing. */
  @Transactional
  public BoardPack compile(long id, String by) {
    BoardPack pack = get(id);
    if (!BoardPack.PREPARING.equals(pack.status())) {
      return pack;
    }
    BoardPackContent content = contents.assemble(pack.periodFrom(), pack.periodTo());
    byte[] document = pdf.render(pack.code(), content);
    byte[] data = BoardPackCsv.of(content).getBytes(StandardCharsets.UTF_8);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("boardPack", pack.code());
    details.put("pdfSha256", archive(pack, PDF, pack.code() + ".pdf", "application/pdf", document, by));
    details.put("csvSha256", archive(pack, CSV, pack.code() + ".csv", "text/csv", data, by));
    mapper.markArchived(id, now());
    auditTrail.record(by, "BOARD_PACK_ARCHIVED", null, null, details);
    return get(id);
  }

  private String archive(BoardPack pack, String format, String fileName, String type, byte[] content, String by) {
    String sha256 = Sha256.hex(content);
    mapper.insertDocument(new BoardPack.Document(null, pack.id(), format, fileName, type, content, content.length,
        sha256, by, now()));
    return sha256;
  }

  /** Mails the executive committee the links to the archived files with their SHA-256. */
  @Transactional
  public BoardPack send(long id) {
    BoardPack pack = get(id);
    List<BoardPack.Document> files = mapper.findDocuments(id);
    StringBuilder body = new StringBuilder("The portfolio pack for the management body, " + pack.periodFrom() + " to "
        + pack.periodTo() + ", is ready:\n");
    for (BoardPack.Document file : files) {
      body.append("\n").append(file.format()).append(": ").append(publicUrl).append("/api/v1/reports/board-packs/")
          .append(pack.id()).append('/').append(file.format().toLowerCase(java.util.Locale.ROOT))
          .append("\n  SHA-256 ").append(file.sha256());
    }
    body.append("\n\nThe files are archived; the SHA-256 lets you check that the copy you read is the archived one.");
    List<String> sentTo = notifier.send(Notifier.Message.toGroups(List.of(Groups.EXECUTIVE_COMMITTEE),
        "Portfolio pack " + pack.code() + " for the management body", body.toString()), null, null);
    mapper.markSent(id, now(), String.join(", ", sentTo));
    return get(id);
  }

  @Transactional(readOnly = true)
  public BoardPack get(long id) {
    return mapper.findById(id).orElseThrow(() -> new NotFoundException("No board pack " + id));
  }

  @Transactional(readOnly = true)
  public BoardPack.View view(long id) {
    return new BoardPack.View(get(id), mapper.findDocuments(id));
  }

  @Transactional(readOnly = true)
  public List<BoardPack> list() {
    return mapper.findAll();
  }

  @Transactional(readOnly = true)
  public BoardPack.Document document(long id, String format) {
    get(id);
    return mapper.findDocument(id, format).orElseThrow(() -> new NotFoundException("Board pack " + id
        + " has no " + format + " yet"));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
