package io.openpmo.deputy;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.openpmo.core.BusinessRuleException;
import io.openpmo.core.NotFoundException;
import io.openpmo.support.WebSliceTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Deputies: the caller names theirs (the PMO for others), sees their own, ends one; auditors change nothing. */
class DeputyControllerSliceTest extends WebSliceTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
  static final String REQUEST = "{\"deputy\": \"peter\", \"validFrom\": \"2026-12-01\", \"validTo\": \"2026-12-14\","
      + " \"reason\": \"holiday\"}";

  @Autowired
  DeputyProcess process;

  static Deputyship deputyship(long id, LocalDate from, LocalDate to) {
    return new Deputyship(id, "paula", "peter", from, to, "holiday", "paula",
        OffsetDateTime.of(2026, 11, 1, 8, 0, 0, 0, ZoneOffset.UTC), null, null, "pi-9");
  }

  @BeforeEach
  void today() {
    when(deputies.today()).thenReturn(TODAY);
  }

  private static MockHttpServletRequestBuilder name(String body) {
    return post("/api/v1/deputies").contentType(MediaType.APPLICATION_JSON).content(body);
  }

  @Test
  void anApproverNamesTheirDeputyAsThemselves() throws Exception {
    when(process.nameAndStart(new Deputies.Request(null, "peter", LocalDate.of(2026, 12, 1),
        LocalDate.of(2026, 12, 14), "holiday"), "paula"))
        .thenReturn(deputyship(5, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 14)));
    mvc.perform(name(REQUEST).with(as("paula")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.id").value(5))
        .andExpect(jsonPath("$.state").value("UPCOMING"));
  }

  @Test
  void somebodyElsesDeputyIsForbiddenAndAnOverlapAConflict() throws Exception {
    when(process.nameAndStart(any(), eq("rita")))
        .thenThrow(BusinessRuleException.forbidden("Only the PMO names a deputy for another approver"));
    mvc.perform(name(REQUEST.replace("{", "{\"principal\": \"paula\", ")).with(as("rita"))).andExpect(problem(403));
    when(process.nameAndStart(any(), eq("paula")))
        .thenThrow(BusinessRuleException.conflict("overlaps deputyship 3 (2026-12-01 to 2026-12-31)"));
    mvc.perform(name(REQUEST).with(as("paula")))
        .andExpect(problem(409))
        .andExpect(jsonPath("$.detail").value("overlaps deputyship 3 (2026-12-01 to 2026-12-31)"));
  }

  @Test
  void mistypedFieldsAreNamedBeforeTheService() throws Exception {
    // sizes of this record are checked by the service with its other rules (@CheckedInService)
    mvc.perform(name(REQUEST.replace("\"2026-12-14\"", "\"14.12.2026\"")).with(as("paula")))
        .andExpect(invalidField("validTo"));
    mvc.perform(name(REQUEST.replace("\"peter\"", "[\"peter\"]")).with(as("paula")))
        .andExpect(invalidField("deputy"));
    verifyNoInteractions(process);
  }

  @Test
  void auditorsNameAndEndNothing() throws Exception {
    mvc.perform(name(REQUEST).with(as("audrey"))).andExpect(problem(403));
    mvc.perform(delete("/api/v1/deputies/5").with(as("audrey"))).andExpect(problem(403));
    verifyNoInteractions(process);
  }

  @Test
  void theListIsTheCallersAndFiltersByState() throws Exception {
    when(deputies.list("paula", null)).thenReturn(List.of(
        deputyship(1, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 5)),
        deputyship(2, LocalDate.of(2026, 12, 20), LocalDate.of(2026, 12, 24))));
    mvc.perform(get("/api/v1/deputies").param("state", "ACTIVE").with(as("paula")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].id").value(1));
    mvc.perform(get("/api/v1/deputies").param("state", "SOON").with(as("paula"))).andExpect(invalidField("state"));
  }

  @Test
  void oneTheCallerMayNotSeeIs404AndEndingGoesThroughTheProcess() throws Exception {
    when(deputies.visible(7, "rita")).thenThrow(new NotFoundException("No deputyship 7"));
    mvc.perform(get("/api/v1/deputies/7").with(as("rita"))).andExpect(problem(404));
    when(process.end(5, "olga")).thenReturn(deputyship(5, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 5)));
    mvc.perform(delete("/api/v1/deputies/5").with(as("olga"))).andExpect(status().isOk());
    mvc.perform(delete("/api/v1/deputies/5")).andExpect(problem(401));
    org.mockito.Mockito.verify(process).end(5, "olga");
    org.mockito.Mockito.verify(process, org.mockito.Mockito.never()).end(org.mockito.ArgumentMatchers.anyLong(),
        eq("rita"));
  }
}
