package io.openpmo.resource;

import io.openpmo.core.Csv;
import io.openpmo.core.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The resource pool and its utilisation. */
@RestController
@RequestMapping("/api/v1/resources")
@Tag(name = "Resources")
class ResourceController {

  static final String READERS = "hasAnyAuthority('GROUP_pmo', 'GROUP_resourceManagers', 'GROUP_projectManagers',"
      + " 'GROUP_auditors', 'GROUP_steeringCommittee', 'GROUP_camunda-admin')";
  static final String WRITERS = "hasAnyAuthority('GROUP_resourceManagers', 'GROUP_pmo', 'GROUP_camunda-admin')";

  private final ResourceService resources;
  private final ResourcePlans plans;

  ResourceController(ResourceService resources, ResourcePlans plans) {
    this.resources = resources;
    this.plans = plans;
  }

  @GetMapping
  @PreAuthorize(READERS)
  @Operation(summary = "The resource pool")
  List<Resource> list(@RequestParam(defaultValue = "false") boolean activeOnly) {
    return resources.list(activeOnly);
  }

  @GetMapping("/{id}")
  @PreAuthorize(READERS)
  Resource get(@PathVariable long id) {
    return resources.get(id);
  }

  @PostMapping
  @PreAuthorize(WRITERS)
  @Operation(summary = "Add a person to the pool (resource managers, PMO)")
  ResponseEntity<Resource> create(@RequestBody ResourceInput input) {
    Resource created = resources.create(input);
    return ResponseEntity.created(java.net.URI.create("/api/v1/resources/" + created.id())).body(created);
  }

  @PutMapping("/{id}")
  @PreAuthorize(WRITERS)
  @Operation(summary = "Update role, qualification, capacity or activity of a person")
  Resource update(@PathVariable long id, @RequestBody ResourceInput input) {
    return resources.update(id, input);
  }

  @GetMapping(value = "/utilisation", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  @PreAuthorize(READERS)
  @Operation(summary = "Utilisation per resource and month by the plans in force (JSON, or CSV with format=csv"
      + " or Accept: text/csv); from and to as YYYY-MM")
  ResponseEntity<?> utilisation(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String format,
      @org.springframework.web.bind.annotation.RequestHeader(name = "Accept", required = false) String accept) {
    QueryParameters parameters = new QueryParameters();
    YearMonth start = parameters.month("from", from);
    YearMonth end = parameters.month("to", to);
    parameters.notBefore("from", start, "to", end);
    parameters.validate();
    List<Utilisation> rows = plans.utilisation(start, end);
    if ("csv".equalsIgnoreCase(format) || (accept != null && accept.contains("text/csv"))) {
      return Csv.download(Utilisation.csvFilename(start, end), Utilisation.csv(rows));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rows);
  }
}
