package io.openpmo.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.openpmo.core.CurrentUser;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tamper-evident audit trail. Every decision and state change is written in the transaction that makes
 * it, so an event exists exactly when its change committed (also across nodes sharing the database). Writing
 * takes no lock and reads no shared state: the event row and its place in the sealer's queue are two
 * inserts. {@link AuditSealer} then appends committed events to the Merkle tree and signs a checkpoint.
 */
@Service
public class AuditTrail {

  private final AuditMapper mapper;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final ObjectMapper json;

  public AuditTrail(AuditMapper mapper, CurrentUser currentUser, Clock clock, ObjectMapper objectMapper) {
    this.mapper = mapper;
    this.currentUser = currentUser;
    this.clock = clock;
    this.json = objectMapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  }

  /** Records what the current user (or the engine, for jobs and timers) did. */
  @Transactional(propagation = Propagation.REQUIRED)
  public AuditEvent record(String action, Long projectId, String projectCode, Map<String, ?> details) {
    return append(currentUser.idOrSystem(), action, projectId, projectCode, details);
  }

  @Transactional(propagation = Propagation.REQUIRED)
  public AuditEvent record(String actor, String action, Long projectId, String projectCode, Map<String, ?> details) {
    return append(actor, action, projectId, projectCode, details);
  }

  /**
   * Records an event in a transaction of its own, committed whatever happens to the caller's transaction:
   * for what must stay on record although the business change is refused and rolled back (a refused
   * transition, say). Takes a second connection while the caller's is open.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public AuditEvent recordInNewTransaction(String actor, String action, Long projectId, String projectCode,
      Map<String, ?> details) {
    return append(actor, action, projectId, projectCode, details);
  }

  /** Every event of a project, sealed or not, in the order they were recorded. */
  @Transactional(readOnly = true)
  public List<AuditEvent> forProject(long projectId) {
    return mapper.findByProject(projectId);
  }

  /** Sealed events after {@code afterSeq}, in log order, optionally of one project. */
  @Transactional(readOnly = true)
  public List<AuditEvent> page(long afterSeq, int limit, Long projectId) {
    return mapper.findSealed(afterSeq, limit, projectId, null);
  }

  private AuditEvent append(String actor, String action, Long projectId, String projectCode, Map<String, ?> details) {
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    String detailsJson = toJson(details);
    VouchedActor vouched = VouchedActor.of(actor).orElse(new VouchedActor(null, null));
    long id = mapper.insert(new AuditMapper.NewEvent(now, actor, vouched.subject(), vouched.issuer(), action,
        projectId, projectCode, detailsJson));
    mapper.enqueue(id);
    return new AuditEvent(null, id, now, actor, vouched.subject(), vouched.issuer(), action, projectId, projectCode,
        detailsJson, null);
  }

  private String toJson(Map<String, ?> details) {
    try {
      return json.writeValueAsString(details == null ? Map.of() : details);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Audit details cannot be written as JSON", e);
    }
  }
}
