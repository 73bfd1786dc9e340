package io.openpmo.closure;

import io.openpmo.audit.AuditTrail;
import io.openpmo.core.NotFoundException;
import io.openpmo.core.Sha256;
import io.openpmo.project.Project;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Documents archived with a project in the database, each with its SHA-256 on the audit trail. */
@Service
public class ProjectDocuments {

  private final ClosureMapper mapper;
  private final AuditTrail auditTrail;
  private final Clock clock;

  public ProjectDocuments(ClosureMapper mapper, AuditTrail auditTrail, Clock clock) {
    this.mapper = mapper;
    this.auditTrail = auditTrail;
    this.clock = clock;
  }

  @Transactional
  public ProjectDocument archive(Project project, String kind, String fileName, String contentType, byte[] content,
      String by) {
    String sha256 = Sha256.hex(content);
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    long id = mapper.insertDocument(new ProjectDocument(null, project.id(), kind, fileName, contentType, content,
        content.length, sha256, by, now));
    auditTrail.record(by, "DOCUMENT_ARCHIVED", project.id(), project.code(), Map.of("documentId", id, "kind", kind,
        "fileName", fileName, "sha256", sha256, "sizeBytes", content.length));
    return new ProjectDocument(id, project.id(), kind, fileName, contentType, null, content.length, sha256, by, now);
  }

  @Transactional(readOnly = true)
  public List<ProjectDocument> list(long projectId) {
    return mapper.findDocuments(projectId);
  }

  @Transactional(readOnly = true)
  public ProjectDocument get(long projectId, long documentId) {
    return mapper.findDocument(documentId).filter(d -> d.projectId() == projectId)
        .orElseThrow(() -> new NotFoundException("No document " + documentId + " in this project"));
  }
}
