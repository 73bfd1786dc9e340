package io.openpmo.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for auditors and the PMO: read it page by page, and check that nobody changed it. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit trail")
@PreAuthorize("hasAnyAuthority('GROUP_auditors', 'GROUP_pmo', 'GROUP_camunda-admin')")
class AuditController {

  private final AuditTrail auditTrail;

  AuditController(AuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  @GetMapping("/events")
  @Operation(summary = "Audit events in order, after a sequence number (paging), optionally for one project")
  List<AuditEvent> events(@RequestParam(defaultValue = "0") long afterSeq,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(required = false) Long projectId) {
    return auditTrail.page(afterSeq, Math.max(1, Math.min(limit, 1000)), projectId);
  }

  @GetMapping("/verification")
  @Operation(summary = "Recompute the hash chain and report whether the trail is intact")
  AuditTrail.ChainVerification verify() {
    return auditTrail.verify();
  }
}
