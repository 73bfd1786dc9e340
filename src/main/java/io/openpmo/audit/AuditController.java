package io.openpmo.audit;

import io.openpmo.audit.verify.Checkpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for auditors and the PMO: read it page by page, prove that an event is in it and that
 * it only ever grew, check it, and (auditors) export it for the offline verifier.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit trail")
@PreAuthorize("hasAnyAuthority('GROUP_auditors', 'GROUP_pmo', 'GROUP_camunda-admin')")
class AuditController {

  private final AuditTrail auditTrail;
  private final AuditProofs proofs;
  private final AuditVerification verification;
  private final AuditExport export;

  AuditController(AuditTrail auditTrail, AuditProofs proofs, AuditVerification verification, AuditExport export) {
    this.auditTrail = auditTrail;
    this.proofs = proofs;
    this.verification = verification;
    this.export = export;
  }

  @GetMapping("/events")
  @Operation(summary = "Sealed audit events in log order (seq), after a seq (paging), optionally of one project")
  List<AuditEvent> events(@RequestParam(defaultValue = "0") long afterSeq,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(required = false) Long projectId) {
    return auditTrail.page(afterSeq, Math.max(1, Math.min(limit, 1000)), projectId);
  }

  @GetMapping("/events/{seq}/proof")
  @Operation(summary = "Inclusion proof (RFC 9162 2.1.3) of an event in the tree of treeSize (default: latest checkpoint)")
  AuditProofs.InclusionProof proof(@PathVariable long seq, @RequestParam(required = false) Long treeSize) {
    return proofs.inclusion(seq, treeSize);
  }

  @GetMapping("/consistency")
  @Operation(summary = "Consistency proof (RFC 9162 2.1.4) between two tree sizes (second default: latest checkpoint)")
  AuditProofs.ConsistencyProof consistency(@RequestParam long first, @RequestParam(required = false) Long second) {
    return proofs.consistency(first, second);
  }

  @GetMapping("/checkpoints/latest")
  @Operation(summary = "The latest signed checkpoint (tree size, root hash, time, key id, Ed25519 signature)")
  Checkpoint latestCheckpoint() {
    return proofs.latestCheckpoint();
  }

  @GetMapping("/checkpoints")
  @Operation(summary = "Signed checkpoints by tree size, after a tree size (paging)")
  List<Checkpoint> checkpoints(@RequestParam(defaultValue = "0") long afterTreeSize,
      @RequestParam(defaultValue = "100") int limit) {
    return proofs.checkpoints(afterTreeSize, Math.max(1, Math.min(limit, 1000)));
  }

  @GetMapping("/public-keys")
  @Operation(summary = "The Ed25519 public keys that signed checkpoints (base64 X.509)")
  List<AuditProofs.PublicKeyView> publicKeys() {
    return proofs.publicKeys();
  }

  @GetMapping("/verification")
  @Operation(summary = "Recompute every leaf, the tree and every checkpoint; name the first bad event")
  AuditVerification.Result verify() {
    return verification.verify();
  }

  @GetMapping("/export")
  @PreAuthorize("hasAuthority('GROUP_auditors')")
  @Operation(summary = "Every sealed event, every checkpoint and the public keys, streamed as one JSON document")
  void export(HttpServletResponse response) throws IOException {
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"openpmo-audit-export.json\"");
    export.write(response.getOutputStream());
  }
}
