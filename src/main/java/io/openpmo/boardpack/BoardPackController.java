package io.openpmo.boardpack;

import io.openpmo.core.CurrentUser;
import io.openpmo.core.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The management body's packs under the reports: listed, downloaded with their SHA-256, requested by the PMO. */
@RestController
@RequestMapping("/api/v1/reports/board-packs")
@Tag(name = "Reports")
class BoardPackController {

  static final String READERS = "@projectAccess.seesWholePortfolio()";

  private final BoardPacks packs;
  private final CurrentUser currentUser;

  BoardPackController(BoardPacks packs, CurrentUser currentUser) {
    this.packs = packs;
    this.currentUser = currentUser;
  }

  /** The period of a pack asked for now. */
  record PackRequest(LocalDate periodFrom, LocalDate periodTo) {
  }

  @GetMapping
  @PreAuthorize(READERS)
  @Operation(summary = "The management body's packs, newest first (portfolio readers)")
  List<BoardPack> list() {
    return packs.list();
  }

  @PostMapping
  @PreAuthorize("hasAnyAuthority('GROUP_pmo', 'GROUP_camunda-admin')")
  @Operation(summary = "Ask for a pack of a period now (PMO); 202: it is compiled, archived and mailed to the"
      + " executive committee by the boardPack process")
  ResponseEntity<BoardPack.View> request(@RequestBody PackRequest request) {
    BoardPack pack = packs.request(request.periodFrom(), request.periodTo(), currentUser.id().orElseThrow());
    return ResponseEntity.accepted().location(URI.create("/api/v1/reports/board-packs/" + pack.id()))
        .body(packs.view(pack.id()));
  }

  @GetMapping("/{id}")
  @PreAuthorize(READERS)
  @Operation(summary = "A pack with its archived files and their SHA-256")
  BoardPack.View get(@PathVariable long id) {
    return packs.view(id);
  }

  @GetMapping("/{id}/{format}")
  @PreAuthorize(READERS)
  @Operation(summary = "The archived PDF or CSV of a pack (format pdf or csv); header X-Content-SHA256")
  ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable String format) {
    if (!"pdf".equalsIgnoreCase(format) && !"csv".equalsIgnoreCase(format)) {
      throw new InvalidRequestException("format", "must be pdf or csv (was " + format + ")");
    }
    BoardPack.Document file = packs.document(id, format.toUpperCase(java.util.Locale.ROOT));
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build()
            .toString())
        .header("X-Content-SHA256", file.sha256())
        .body(file.content());
  }
}
