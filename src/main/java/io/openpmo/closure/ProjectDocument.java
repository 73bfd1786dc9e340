package io.openpmo.closure;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;

/** A document archived with a project; the content is only loaded to be downloaded. */
public record ProjectDocument(Long id, Long projectId, String kind, String fileName, String contentType,
    @JsonIgnore byte[] content, Integer sizeBytes, String sha256, String createdBy, OffsetDateTime createdAt) {

  public static final String FINAL_REPORT = "FINAL_REPORT";
}
