package io.openpmo.planning;

import io.openpmo.core.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Planning scenarios: the PMO makes, changes and solves them; portfolio readers and finance (who review them) read
 * and compare them.
 */
@RestController
@RequestMapping("/api/v1/scenarios")
@Tag(name = "Portfolio planning")
class ScenarioController {

  static final String PMO = "hasAnyAuthority('GROUP_pmo', 'GROUP_camunda-admin')";
  static final String READERS = "@projectAccess.seesWholePortfolio() or hasAuthority('GROUP_finance')";

  private final ScenarioService scenarios;
  private final ScenarioSolving solving;
  private final CurrentUser currentUser;

  ScenarioController(ScenarioService scenarios, ScenarioSolving solving, CurrentUser currentUser) {
    this.scenarios = scenarios;
    this.solving = solving;
    this.currentUser = currentUser;
  }

  @GetMapping
  @PreAuthorize(READERS)
  @Operation(summary = "Every scenario, newest first")
  List<Scenario> list() {
    return scenarios.list();
  }

  @PostMapping
  @PreAuthorize(PMO)
  @Operation(summary = "Make a scenario from the live portfolio for a period (PMO), or a variant of another",
      description = "Candidates: requests in initiation and approved projects that may start in the period (window:"
          + " their requested start to 3 months later), projects in delivery with what is left of their baseline"
          + " (mandatory, start fixed). Requests with a regulatory deadline in the period are mandatory. Capacity:"
          + " the pool per role minus what plans of other projects take.")
  ResponseEntity<ScenarioView> create(@RequestBody ScenarioInput.NewScenario input) {
    Scenario created = scenarios.create(input, user());
    return ResponseEntity.created(URI.create("/api/v1/scenarios/" + created.code())).body(scenarios.view(created.code()));
  }

  @GetMapping("/{code}")
  @PreAuthorize(READERS)
  @Operation(summary = "A scenario: summary, quarters, candidates with the optimiser's choice and reasons,"
      + " utilisation per role and month")
  ScenarioView get(@PathVariable String code) {
    return scenarios.view(code);
  }

  @PatchMapping("/{code}")
  @PreAuthorize(PMO)
  @Operation(summary = "Change the name or budget (total, per quarter) of a scenario; it becomes a draft again")
  ScenarioView change(@PathVariable String code, @RequestBody ScenarioInput.ScenarioChange change) {
    scenarios.change(code, change, user());
    return scenarios.view(code);
  }

  @PatchMapping("/{code}/candidates/{projectCode}")
  @PreAuthorize(PMO)
  @Operation(summary = "Pin a candidate in or out, make it mandatory, set its start window or its demand estimate")
  ScenarioRows.Candidate changeCandidate(@PathVariable String code, @PathVariable String projectCode,
      @RequestBody ScenarioInput.CandidateChange change) {
    return scenarios.changeCandidate(code, projectCode, change, user());
  }

  @PostMapping("/{code}/solution")
  @PreAuthorize(PMO)
  @Operation(summary = "Solve the scenario: the optimiser chooses what to fund and when (waits at most the"
      + " configured solve time); every cut candidate says which constraint excludes it and by how much")
  ScenarioView solve(@PathVariable String code) {
    solving.solve(code, user());
    return scenarios.view(code);
  }

  @GetMapping("/comparison")
  @PreAuthorize(READERS)
  @Operation(summary = "Scenarios side by side: value, cost, quarters, utilisation, and what each funds or cuts")
  ScenarioComparison compare(@Parameter(description = "2 to 5 scenario codes, comma separated")
      @RequestParam String codes) {
    return scenarios.compare(Arrays.stream(codes.split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList());
  }

  private String user() {
    return currentUser.id().orElseThrow();
  }
}
