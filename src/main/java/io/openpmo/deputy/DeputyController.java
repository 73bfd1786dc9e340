package io.openpmo.deputy;

import io.openpmo.core.CurrentUser;
import io.openpmo.core.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Deputies of absent approvers: name one, see who stands in for whom, end one early. */
@RestController
@RequestMapping("/api/v1/deputies")
@Tag(name = "Deputies")
class DeputyController {

  /** What the API shows of a deputyship: the record and its state today. */
  record DeputyshipView(Long id, String principal, String deputy, LocalDate validFrom, LocalDate validTo,
      String reason, String namedBy, java.time.OffsetDateTime namedAt, java.time.OffsetDateTime endedAt,
      String endedBy, String state, String processInstanceId) {

    static DeputyshipView of(Deputyship d, LocalDate today) {
      return new DeputyshipView(d.id(), d.principal(), d.deputy(), d.validFrom(), d.validTo(), d.reason(),
          d.namedBy(), d.namedAt(), d.endedAt(), d.endedBy(), d.stateOn(today), d.processInstanceId());
    }
  }

  private final Deputies deputies;
  private final DeputyProcess process;
  private final CurrentUser currentUser;

  DeputyController(Deputies deputies, DeputyProcess process, CurrentUser currentUser) {
    this.deputies = deputies;
    this.process = process;
    this.currentUser = currentUser;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Name a deputy for a period (both days included): the caller is the approver who is away;"
      + " the PMO may name one for another approver ('principal'), never itself. 400 naming each bad field, 403 for"
      + " somebody else's deputy, 409 when it overlaps another deputyship")
  DeputyshipView name(@RequestBody Deputies.Request request) {
    return DeputyshipView.of(process.nameAndStart(request, caller()), deputies.today());
  }

  @GetMapping
  @Operation(summary = "Who stands in for whom: the PMO, auditors and administrators see every deputyship, others"
      + " their own (as approver, deputy or whoever named it); state=ACTIVE, UPCOMING or ENDED filters")
  List<DeputyshipView> list(@RequestParam(required = false) String state) {
    if (state != null && !List.of("ACTIVE", "UPCOMING", "ENDED").contains(state)) {
      throw new InvalidRequestException("state", "must be one of ACTIVE, UPCOMING, ENDED (was " + state + ")");
    }
    LocalDate today = deputies.today();
    return deputies.list(caller(), null).stream().map(d -> DeputyshipView.of(d, today))
        .filter(view -> state == null || state.equals(view.state())).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "One deputyship (404 for one the caller may not see)")
  DeputyshipView get(@PathVariable long id) {
    return DeputyshipView.of(deputies.visible(id, caller()), deputies.today());
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "End a deputyship now (the approver, whoever named it, or the PMO): the deputy gives back"
      + " what they held only as deputy")
  DeputyshipView end(@PathVariable long id) {
    return DeputyshipView.of(process.end(id, caller()), deputies.today());
  }

  private String caller() {
    return currentUser.id().orElseThrow(() -> io.openpmo.core.BusinessRuleException.forbidden("Log in first."));
  }
}
