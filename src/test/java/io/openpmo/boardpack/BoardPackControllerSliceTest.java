package io.openpmo.boardpack;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.openpmo.support.WebSliceTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Board packs: portfolio readers read them, the PMO and administrators ask for one. */
class BoardPackControllerSliceTest extends WebSliceTest {

  @Test
  void portfolioReadersReadPacksOthersDoNot() throws Exception {
    when(boardPacks.list()).thenReturn(List.of());
    for (String user : List.of("olga", "stella", "audrey", "adam")) {
      mvc.perform(get("/api/v1/reports/board-packs").with(as(user))).andExpect(status().isOk());
    }
    for (String user : List.of("paula", "fiona", "rita")) {
      mvc.perform(get("/api/v1/reports/board-packs").with(as(user))).andExpect(problem(403));
    }
  }

  @Test
  void thePmoAsksForAPackAndItIsAccepted() throws Exception {
    BoardPack pack = mock(BoardPack.class);
    when(pack.id()).thenReturn(4L);
    when(boardPacks.request(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), "olga")).thenReturn(pack);
    mvc.perform(post("/api/v1/reports/board-packs").with(as("olga")).contentType(MediaType.APPLICATION_JSON)
            .content("{\"periodFrom\": \"2026-10-01\", \"periodTo\": \"2026-10-31\"}"))
        .andExpect(status().isAccepted())
        .andExpect(header().string("Location", "/api/v1/reports/board-packs/4"));
  }

  @Test
  void aCommitteeReadsButDoesNotAskAndDatesAreStrict() throws Exception {
    mvc.perform(post("/api/v1/reports/board-packs").with(as("stella")).contentType(MediaType.APPLICATION_JSON)
        .content("{\"periodFrom\": \"2026-10-01\", \"periodTo\": \"2026-10-31\"}")).andExpect(problem(403));
    mvc.perform(post("/api/v1/reports/board-packs").with(as("olga")).contentType(MediaType.APPLICATION_JSON)
        .content("{\"periodFrom\": \"2026-10-01\", \"periodTo\": 20261031}")).andExpect(invalidField("periodTo"));
    verify(boardPacks, never()).request(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
        anyString());
  }

  @Test
  void onlyPdfOrCsvIsDownloaded() throws Exception {
    mvc.perform(get("/api/v1/reports/board-packs/4/docx").with(as("olga"))).andExpect(invalidField("format"));
    verify(boardPacks, never()).document(anyLong(), anyString());
    mvc.perform(get("/api/v1/reports/board-packs/4/pdf").with(as("paula"))).andExpect(problem(403));
    verifyNoInteractions(boardPacks);
  }
}
