package io.openpmo.support;

import io.openpmo.project.Complexity;
import io.openpmo.project.DataClassification;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectPhase;
import io.openpmo.project.ProjectStatus;
import io.openpmo.project.ProjectType;
import io.openpmo.project.ThirdParty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Project rows for mapper and integration tests. */
public final class TestProjects {

  public static Project row(String code, String requester, String externalReference) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    return new Project(null, code, "Core banking upgrade " + code, "Replace the ledger", "Retail", "sam", requester,
        ProjectType.STRATEGIC, 4, new BigDecimal("900000.00"), new BigDecimal("1500000.00"), "EUR",
        LocalDate.of(2027, 1, 1), 12, Complexity.MEDIUM, true, DataClassification.CONFIDENTIAL, ThirdParty.NONE,
        false, false, null, externalReference, null, null, ProjectStatus.SUBMITTED, ProjectPhase.INITIATION,
        null, null, null, null, 0, null, null, now, now, null, null, null, 0, null);
  }

  private TestProjects() {
  }
}
