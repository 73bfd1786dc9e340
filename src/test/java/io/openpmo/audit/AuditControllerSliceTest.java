package io.openpmo.audit;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.openpmo.support.WebSliceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The audit trail: auditors, the PMO and administrators read it; only auditors export it; nobody changes it. */
class AuditControllerSliceTest extends WebSliceTest {

  @Autowired
  AuditProofs proofs;
  @Autowired
  AuditExport export;

  @ParameterizedTest
  @ValueSource(strings = {"audrey", "olga", "adam"})
  void auditorsThePmoAndAdministratorsReadTheTrail(String user) throws Exception {
    when(auditTrail.page(0, 100, null)).thenReturn(List.of());
    mvc.perform(get("/api/v1/audit/events").with(as(user))).andExpect(status().isOk());
    mvc.perform(get("/api/v1/audit/checkpoints").with(as(user))).andExpect(status().isOk());
    verify(auditTrail).page(0, 100, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rita", "paula", "fiona", "stella", "rosa", "nobody"})
  void othersDoNotReadIt(String user) throws Exception {
    mvc.perform(get("/api/v1/audit/events").with(as(user))).andExpect(problem(403));
    mvc.perform(get("/api/v1/audit/checkpoints/latest").with(as(user))).andExpect(problem(403));
    verifyNoInteractions(auditTrail, proofs);
  }

  @Test
  void onlyAuditorsExport() throws Exception {
    mvc.perform(get("/api/v1/audit/export").with(as("olga"))).andExpect(problem(403));
    mvc.perform(get("/api/v1/audit/export").with(as("adam"))).andExpect(problem(403));
    verifyNoInteractions(export);
    mvc.perform(get("/api/v1/audit/export").with(as("audrey")))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Disposition", "attachment; filename=\"openpmo-audit-export.json\""));
    verify(export).write(any());
  }

  @Test
  void theLimitIsClampedAndAProjectFilterPassed() throws Exception {
    mvc.perform(get("/api/v1/audit/events").param("afterSeq", "10").param("limit", "5000")
        .param("projectId", "42").with(as("audrey"))).andExpect(status().isOk());
    verify(auditTrail).page(10, 1000, 42L);
    mvc.perform(get("/api/v1/audit/events").param("limit", "-3").with(as("audrey"))).andExpect(status().isOk());
    verify(auditTrail).page(0, 1, null);
  }

  @Test
  void aSeqThatIsNotANumberOrAMissingParameterIsA400() throws Exception {
    mvc.perform(get("/api/v1/audit/events/{seq}/proof", "last").with(as("audrey"))).andExpect(problem(400));
    mvc.perform(get("/api/v1/audit/consistency").with(as("audrey"))).andExpect(problem(400));
    verifyNoInteractions(proofs);
  }

  @Test
  void anonymousIs401AndNobodyWritesTheTrail() throws Exception {
    mvc.perform(get("/api/v1/audit/events")).andExpect(problem(401));
    performWithErrorPage(post("/api/v1/audit/events").with(as("olga"))).andExpect(problem(405));
    mvc.perform(delete("/api/v1/audit/events").with(as("audrey"))).andExpect(problem(403));
  }
}
