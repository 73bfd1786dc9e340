package io.openpmo.resource;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A resource as created or updated through the API. */
public record ResourceInput(
    @Size(max = 64) @Pattern(regexp = "[a-zA-Z0-9]+", message = "must be a user id (letters and digits)") String userId,
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Pattern(regexp = "[A-Z][A-Z_]{1,49}", message = "must be an upper-case role such as PROJECT_MANAGER")
    String role,
    @NotNull Qualification qualification,
    @NotNull @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("1.5") @Digits(integer = 2, fraction = 2)
    BigDecimal monthlyCapacityFte,
    Boolean active) {
}
