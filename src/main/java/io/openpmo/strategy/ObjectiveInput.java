package io.openpmo.strategy;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.YearMonth;

/** An objective as the PMO creates or updates it (field rules checked in the catalogue, with the business rules). */
@io.openpmo.core.CheckedInService
public record ObjectiveInput(
    @Schema(description = "Upper-case code that requests name, e.g. OBJ-DIGITAL", example = "OBJ-DIGITAL")
    @NotBlank @Pattern(regexp = ObjectiveInput.CODE, message = "must be upper-case letters, digits and dashes,"
        + " starting with a letter (at most 30)") String code,
    @NotBlank @Size(max = 200) String name,
    @Size(max = 2000) String description,
    @Schema(description = "User id of the owner", example = "sam")
    @NotBlank @Pattern(regexp = "[a-zA-Z0-9]+", message = "must be a user id (letters and digits)") String owner,
    @Schema(description = "The KPI that measures it", example = "Share of retail products sold digitally")
    @NotBlank @Size(max = 200) String kpi,
    @Schema(example = "60% by end of 2027") @NotBlank @Size(max = 200) String target,
    @Schema(description = "First month, YYYY-MM", example = "2027-01") @NotNull YearMonth periodFrom,
    @Schema(description = "Last month, YYYY-MM", example = "2027-12") @NotNull YearMonth periodTo,
    @Schema(description = "Weight in the value of the projects serving it, 1-5 (default 3)")
    @Min(1) @Max(5) Integer weight,
    Boolean active) {

  static final String CODE = "[A-Z][A-Z0-9-]{1,29}";
}
