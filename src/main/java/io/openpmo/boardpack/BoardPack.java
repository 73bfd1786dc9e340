package io.openpmo.boardpack;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A pack for senior management and the management body, of one period: PREPARING until its PDF and CSV are
 * archived (ARCHIVED), SENT once the executive committee was mailed.
 */
public record BoardPack(Long id, String code, LocalDate periodFrom, LocalDate periodTo, String status, String startedBy,
    String processInstanceId, OffsetDateTime createdAt, OffsetDateTime archivedAt, OffsetDateTime sentAt,
    String recipients) {

  public static final String PREPARING = "PREPARING";
  public static final String ARCHIVED = "ARCHIVED";
  public static final String SENT = "SENT";

  /** An archived file of the pack (PDF or CSV) with its SHA-256; the content is loaded only to be downloaded. */
  public record Document(Long id, Long boardPackId, String format, String fileName, String contentType,
      @com.fasterxml.jackson.annotation.JsonIgnore byte[] content, Integer sizeBytes, String sha256, String createdBy,
      OffsetDateTime createdAt) {
  }

  /** A pack with its archived files. */
  public record View(BoardPack pack, List<Document> documents) {
  }
}
