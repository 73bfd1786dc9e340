package io.openpmo.modelchange;

import java.time.OffsetDateTime;

/**
 * A version of a model file that is or was in force: where it came from ({@code SHIPPED} with the application,
 * {@code ADOPTED} from the engine at the first start under governance, {@code APPROVED} through a model change,
 * {@code EMERGENCY} deployed directly by camunda-admin), the change that approved it and the deployment that carries
 * it (none for test cases, which are not deployed).
 */
public record ModelVersion(
    Long id,
    String fileName,
    String kind,
    String sha256,
    byte[] content,
    String versionTag,
    String origin,
    Long modelChangeId,
    String deploymentId,
    OffsetDateTime inForceFrom,
    OffsetDateTime inForceUntil) {

  public static final String SHIPPED = "SHIPPED";
  public static final String ADOPTED = "ADOPTED";
  public static final String APPROVED = "APPROVED";
  public static final String EMERGENCY = "EMERGENCY";

  ModelFile toModelFile() {
    return new ModelFile(fileName, ModelKind.valueOf(kind), content, sha256);
  }

  /** Whether a person put it in force through the governed path (or the emergency path), not a release. */
  boolean governed() {
    return APPROVED.equals(origin) || EMERGENCY.equals(origin);
  }
}
