package io.openpmo.strategy;

import io.openpmo.core.CurrentUser;
import io.openpmo.core.Csv;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.project.ProjectAccess;
import io.openpmo.project.Project;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The strategic objectives catalogue, what stands behind each objective, and the objectives of a project. */
@RestController
@Tag(name = "Strategic objectives")
class ObjectiveController {

  static final String PMO = "hasAnyAuthority('GROUP_pmo', 'GROUP_camunda-admin')";
  static final String PORTFOLIO_READERS = "@projectAccess.seesWholePortfolio()";

  private final ObjectiveCatalogue catalogue;
  private final ProjectAccess projectAccess;
  private final CurrentUser currentUser;

  ObjectiveController(ObjectiveCatalogue catalogue, ProjectAccess projectAccess, CurrentUser currentUser) {
    this.catalogue = catalogue;
    this.projectAccess = projectAccess;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/v1/objectives")
  @Operation(summary = "The objectives catalogue (every user: requests name objectives by code)")
  List<Objective> list(@Parameter(description = "true for active objectives only")
      @RequestParam(required = false) String activeOnly) {
    io.openpmo.core.QueryParameters parameters = new io.openpmo.core.QueryParameters();
    boolean active = parameters.flag("activeOnly", activeOnly, false);
    parameters.validate();
    return catalogue.list(active);
  }

  @GetMapping("/api/v1/objectives/{code}")
  @Operation(summary = "One objective")
  Objective get(@PathVariable String code) {
    return catalogue.get(code);
  }

  @PostMapping("/api/v1/objectives")
  @PreAuthorize(PMO)
  @Operation(summary = "Add an objective (PMO): code, name, owner, KPI, target, period, weight 1-5")
  ResponseEntity<Objective> create(@RequestBody ObjectiveInput input) {
    Objective created = catalogue.create(input, currentUser.id().orElseThrow());
    return ResponseEntity.created(URI.create("/api/v1/objectives/" + created.code())).body(created);
  }

  @PutMapping("/api/v1/objectives/{code}")
  @PreAuthorize(PMO)
  @Operation(summary = "Change an objective (PMO); active=false retires it (requests can no longer name it)")
  Objective update(@PathVariable String code, @RequestBody ObjectiveInput input) {
    return catalogue.update(code, input, currentUser.id().orElseThrow());
  }

  @GetMapping(value = "/api/v1/objectives/coverage", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  @PreAuthorize(PORTFOLIO_READERS)
  @Operation(summary = "Per objective the live projects behind it, their budget, expected and realised annual"
      + " benefits; active objectives with nothing behind them first, marked uncovered (portfolio readers)")
  ResponseEntity<?> coverage(@Parameter(description = "json (default) or csv") @RequestParam(required = false)
      String format) {
    if (format != null && !format.equalsIgnoreCase("json") && !format.equalsIgnoreCase("csv")) {
      throw new InvalidRequestException("format", "must be one of json, csv (was " + format + ")");
    }
    List<ObjectiveCoverage> coverage = catalogue.coverage();
    if ("csv".equalsIgnoreCase(format)) {
      return Csv.download("objective-coverage.csv", Csv.of(ObjectiveCoverage.CSV_HEADER,
          coverage.stream().<List<?>>map(ObjectiveCoverage::csvRow).toList()));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(coverage);
  }

  @GetMapping("/api/v1/projects/{code}/objectives")
  @Operation(summary = "The objectives a project serves (whoever may see the project)")
  List<Objective> ofProject(@PathVariable String code) {
    Project project = projectAccess.visible(code);
    return catalogue.objectivesOf(project.id());
  }
}
