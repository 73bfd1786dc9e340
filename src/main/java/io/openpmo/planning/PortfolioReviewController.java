package io.openpmo.planning;

import io.openpmo.core.CurrentUser;
import io.openpmo.core.Csv;
import io.openpmo.core.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Portfolio reviews (the PMO opens them; the work is done in Tasklist), the plans they adopt, deviations. */
@RestController
@Tag(name = "Portfolio planning")
class PortfolioReviewController {

  private final PortfolioReviews reviews;
  private final PlanDeviations deviations;
  private final CurrentUser currentUser;

  PortfolioReviewController(PortfolioReviews reviews, PlanDeviations deviations, CurrentUser currentUser) {
    this.reviews = reviews;
    this.deviations = deviations;
    this.currentUser = currentUser;
  }

  /** The period of a new review. */
  record NewReview(YearMonth periodFrom, Integer months) {
  }

  /** A review with its rounds (scenarios put forward) and every decision. */
  record ReviewView(PortfolioReview review, Map<Integer, List<String>> rounds, List<PortfolioReview.Decision> decisions) {
  }

  @PostMapping("/api/v1/portfolio-reviews")
  @PreAuthorize(ScenarioController.PMO)
  @Operation(summary = "Open the portfolio review of a period (PMO): the process starts with the PMO's task to put"
      + " scenarios forward in Tasklist")
  ResponseEntity<ReviewView> start(@RequestBody NewReview input) {
    PortfolioReview review = reviews.start(input.periodFrom(), input.months(), currentUser.id().orElseThrow());
    return ResponseEntity.created(URI.create("/api/v1/portfolio-reviews/" + review.code())).body(view(review));
  }

  @GetMapping("/api/v1/portfolio-reviews")
  @PreAuthorize(ScenarioController.READERS)
  List<PortfolioReview> list() {
    return reviews.list();
  }

  @GetMapping("/api/v1/portfolio-reviews/{code}")
  @PreAuthorize(ScenarioController.READERS)
  @Operation(summary = "A review: status, the scenarios of each round, every decision (who, group, what, when)")
  ReviewView get(@PathVariable String code) {
    return view(reviews.get(code));
  }

  @GetMapping("/api/v1/portfolio-plans")
  @PreAuthorize(ScenarioController.READERS)
  @Operation(summary = "Portfolio plans: the scenarios the executive committee approved (IN_FORCE or SUPERSEDED)")
  List<PortfolioReview.Plan> plans(@RequestParam(required = false) String inForceOnly) {
    io.openpmo.core.QueryParameters parameters = new io.openpmo.core.QueryParameters();
    boolean inForce = parameters.flag("inForceOnly", inForceOnly, false);
    parameters.validate();
    return reviews.plans(inForce);
  }

  @GetMapping(value = "/api/v1/portfolio-plans/deviations", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  @PreAuthorize(ScenarioController.READERS)
  @Operation(summary = "Deviations from the plans in force: COST_OVER_PLAN, START_LATE, DROPPED, UNPLANNED_START,"
      + " NEW_REQUEST_DOES_NOT_FIT")
  ResponseEntity<?> deviations(@Parameter(description = "json (default) or csv") @RequestParam(required = false)
      String format) {
    if (format != null && !format.equalsIgnoreCase("json") && !format.equalsIgnoreCase("csv")) {
      throw new InvalidRequestException("format", "must be one of json, csv (was " + format + ")");
    }
    List<PlanDeviation> all = deviations.all();
    if ("csv".equalsIgnoreCase(format)) {
      return Csv.download("plan-deviations.csv", Csv.of(List.of("plan", "period", "code", "title", "kind", "detail"),
          all.stream().<List<?>>map(d -> Arrays.asList(d.plan(), d.period(), d.code(), d.title(), d.kind(),
              d.detail())).toList()));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(all);
  }

  private ReviewView view(PortfolioReview review) {
    Map<Integer, List<String>> rounds = new TreeMap<>();
    for (int round = 1; round <= review.reviewRound(); round++) {
      rounds.put(round, reviews.roundScenarios(review.id(), round).stream().map(Scenario::code).toList());
    }
    return new ReviewView(review, rounds, reviews.decisions(review.id()));
  }
}
