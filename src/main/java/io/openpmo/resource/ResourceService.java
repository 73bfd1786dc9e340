package io.openpmo.resource;

import io.openpmo.audit.AuditTrail;
import io.openpmo.core.FieldProblem;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.core.NotFoundException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The resource pool: people, their role, qualification and monthly capacity. */
@Service
public class ResourceService {

  private final ResourceMapper mapper;
  private final Validator validator;
  private final AuditTrail auditTrail;
  private final Clock clock;

  public ResourceService(ResourceMapper mapper, Validator validator, AuditTrail auditTrail, Clock clock) {
    this.mapper = mapper;
    this.validator = validator;
    this.auditTrail = auditTrail;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<Resource> list(boolean activeOnly) {
    return mapper.findAll(activeOnly);
  }

  @Transactional(readOnly = true)
  public Resource get(long id) {
    return mapper.findById(id).orElseThrow(() -> new NotFoundException("No resource with id " + id));
  }

  @Transactional(readOnly = true)
  public Optional<Resource> byUser(String userId) {
    return userId == null ? Optional.empty() : mapper.findByUserId(userId);
  }

  @Transactional
  public Resource create(ResourceInput input) {
    validate(input);
    OffsetDateTime now = now();
    Resource resource = new Resource(null, input.userId(), input.name(), input.role(), input.qualification(),
        input.monthlyCapacityFte(), input.active() == null || input.active(), now, now);
    long id;
    try {
      id = mapper.insert(resource);
    } catch (DuplicateKeyException e) {
      throw new InvalidRequestException("userId", "already belongs to another resource");
    }
    Resource created = get(id);
    auditTrail.record("RESOURCE_CREATED", null, null, Map.of("resourceId", created.id(), "name", created.name(),
        "role", created.role(), "qualification", created.qualification(), "capacity", created.monthlyCapacityFte()));
    return created;
  }

  @Transactional
  public Resource update(long id, ResourceInput input) {
    Resource existing = get(id);
    validate(input);
    Resource updated = new Resource(id, input.userId(), input.name(), input.role(), input.qualification(),
        input.monthlyCapacityFte(), input.active() == null ? existing.active() : input.active(), existing.createdAt(),
        now());
    try {
      mapper.update(updated);
    } catch (DuplicateKeyException e) {
      throw new InvalidRequestException("userId", "already belongs to another resource");
    }
    auditTrail.record("RESOURCE_UPDATED", null, null, Map.of("resourceId", id, "qualification",
        updated.qualification(), "capacity", updated.monthlyCapacityFte(), "active", updated.active()));
    return get(id);
  }

  private void validate(ResourceInput input) {
    List<FieldProblem> problems = new ArrayList<>();
    validator.validate(input).forEach(v -> problems.add(new FieldProblem(v.getPropertyPath().toString(),
        v.getMessage())));
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparing(FieldProblem::field));
      throw new InvalidRequestException(problems);
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
