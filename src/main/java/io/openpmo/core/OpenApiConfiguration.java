package io.openpmo.core;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of {@code /api/v1}: its title and version, HTTP Basic as the way to log in (Swagger UI's
 * "Authorize" button), and errors as what they are: RFC 7807 problem details ({@code application/problem+json}),
 * invalid input with {@code errors} naming each bad field, never the success schema.
 */
@Configuration
class OpenApiConfiguration {

  static final String BASIC = "basicAuth";
  static final String PROBLEM = "ProblemDetail";
  static final String INVALID = "InvalidRequestProblem";

  /** The error answers every operation may give, with what they mean. */
  private static final Map<String, String> ERRORS = errors();

  private static Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    errors.put("400", "Invalid request: every bad field is named in errors; nothing was written");
    errors.put("401", "Not logged in: send HTTP Basic credentials of the identity service");
    errors.put("403", "Not allowed: a sentence says why (role, segregation of duties, auditors change nothing)");
    errors.put("404", "Not found, or not visible to the caller (the same answer either way)");
    errors.put("409", "Conflicts with the current state or with another request; nothing was written");
    return errors;
  }

  @Bean
  OpenAPI openPmoApi() {
    return new OpenAPI()
        .info(new Info().title("OpenPMO governance API").version("v1")
            .description("Project requests, reviews, gates, changes, closure, deputies, reports and the audit trail"
                + " of the PMO. Log in with HTTP Basic (the users of the identity service). Errors are RFC 7807"
                + " problem details.")
            .license(new License().name("Apache-2.0")))
        .components(new Components()
            .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("User id and password of the identity service (demo users: password demo)")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC));
  }

  /** Every operation answers its errors as problem details, whatever an exception handler's signature suggests. */
  @Bean
  OpenApiCustomizer problemDetailResponses() {
    return api -> {
      if (api.getComponents() == null) {
        api.setComponents(new Components());
      }
      // springdoc rebuilds the components from the code it scans: ours go in last
      api.getComponents().addSchemas(PROBLEM, problemSchema(false)).addSchemas(INVALID, problemSchema(true));
      if (api.getPaths() != null) {
        api.getPaths().values().forEach(path -> path.readOperations().forEach(OpenApiConfiguration::problems));
      }
    };
  }

  private static void problems(Operation operation) {
    ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    ERRORS.forEach((status, meaning) -> {
      Schema<?> schema = new Schema<>().$ref("#/components/schemas/" + ("400".equals(status) ? INVALID : PROBLEM));
      responses.addApiResponse(status, new ApiResponse().description(meaning)
          .content(new Content().addMediaType("application/problem+json", new MediaType().schema(schema))));
    });
    operation.setResponses(responses);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema<?> problemSchema(boolean withErrors) {
    ObjectSchema schema = new ObjectSchema();
    schema.description(withErrors ? "RFC 7807 problem details of an invalid request, naming every bad field"
        : "RFC 7807 problem details");
    schema.addProperty("type", new StringSchema().example("urn:openpmo:problem:business-rule"));
    schema.addProperty("title", new StringSchema().example(withErrors ? "Invalid request" : "Business rule violated"));
    schema.addProperty("status", new IntegerSchema().example(withErrors ? 400 : 409));
    schema.addProperty("detail", new StringSchema().example(withErrors ? "startDate must be today or later"
        : "PRJ-2026-0014 left initiation; it can no longer be withdrawn"));
    schema.addProperty("instance", new StringSchema());
    if (withErrors) {
      ObjectSchema problem = new ObjectSchema();
      problem.addProperty("field", new StringSchema().example("startDate"));
      problem.addProperty("message", new StringSchema().example("must be today or later"));
      schema.addProperty("errors", new ArraySchema().items((Schema) problem));
    }
    return schema;
  }
}
