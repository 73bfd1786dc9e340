package io.openpmo.intake;

import io.openpmo.core.CheckedInService;
import io.openpmo.project.Complexity;
import io.openpmo.project.DataClassification;
import io.openpmo.project.ProjectType;
import io.openpmo.project.ThirdParty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A project request: the fields of docs/policy.md. The requester is whoever is authenticated. */
@CheckedInService
@Schema(description = "A project request as the PMO receives it")
public record ProjectRequest(
    @NotBlank @Size(max = 200) String title,
    @NotBlank @Size(max = 4000) String description,
    @NotBlank @Size(max = 100) String businessUnit,
    @Schema(description = "User id of the sponsor", example = "sam")
    @NotBlank @Pattern(regexp = "[a-zA-Z0-9]+", message = "must be a user id (letters and digits)") String sponsor,
    @NotNull ProjectType projectType,
    @Schema(description = "Strategic alignment, 1 (weak) to 5 (core to the strategy)")
    @NotNull @Min(1) @Max(5) Integer strategicAlignment,
    @NotNull @PositiveOrZero @Digits(integer = 17, fraction = 2) BigDecimal expectedAnnualBenefit,
    @NotNull @Positive @Digits(integer = 17, fraction = 2) BigDecimal budget,
    @Schema(description = "ISO 4217 code; must be the base currency (EUR unless configured)", example = "EUR")
    @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
    @NotNull LocalDate startDate,
    @NotNull @Min(1) @Max(120) Integer durationMonths,
    @NotNull Complexity complexity,
    @NotNull Boolean personalData,
    @NotNull DataClassification dataClassification,
    @NotNull ThirdParty thirdParty,
    @Schema(description = "Supports a critical or important function (DORA)")
    @NotNull Boolean criticalFunction,
    @NotNull Boolean newTechnology,
    @Schema(description = "Optional regulatory deadline")
    LocalDate regulatoryDeadline,
    @Schema(description = "Optional reference in the calling system; unique per source system (caller)")
    @Size(max = 100) String externalReference,
    @Schema(description = "Optional codes of the strategic objectives the project serves (GET /api/v1/objectives)",
        example = "[\"OBJ-DIGITAL\"]")
    List<String> objectives) {

  /** A request that names no strategic objectives. */
  public ProjectRequest(String title, String description, String businessUnit, String sponsor,
      ProjectType projectType, Integer strategicAlignment, BigDecimal expectedAnnualBenefit, BigDecimal budget,
      String currency, LocalDate startDate, Integer durationMonths, Complexity complexity, Boolean personalData,
      DataClassification dataClassification, ThirdParty thirdParty, Boolean criticalFunction, Boolean newTechnology,
      LocalDate regulatoryDeadline, String externalReference) {
    this(title, description, businessUnit, sponsor, projectType, strategicAlignment, expectedAnnualBenefit, budget,
        currency, startDate, durationMonths, complexity, personalData, dataClassification, thirdParty,
        criticalFunction, newTechnology, regulatoryDeadline, externalReference, null);
  }

  /** The same request naming these objectives. */
  public ProjectRequest withObjectives(List<String> codes) {
    return new ProjectRequest(title, description, businessUnit, sponsor, projectType, strategicAlignment,
        expectedAnnualBenefit, budget, currency, startDate, durationMonths, complexity, personalData,
        dataClassification, thirdParty, criticalFunction, newTechnology, regulatoryDeadline, externalReference,
        codes);
  }

  /** The same request in the base currency, when the caller left the currency out. */
  public ProjectRequest withCurrency(String baseCurrency) {
    return currency != null ? this : new ProjectRequest(title, description, businessUnit, sponsor, projectType,
        strategicAlignment, expectedAnnualBenefit, budget, baseCurrency, startDate, durationMonths, complexity,
        personalData, dataClassification, thirdParty, criticalFunction, newTechnology, regulatoryDeadline,
        externalReference, objectives);
  }
}
