package io.openpmo.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.openpmo.core.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tamper-evident audit trail. Every decision and state change is appended in the transaction
 * that makes it, so an event exists exactly when its change does. Each event's hash covers its
 * content and the previous event's hash; {@link #verify()} recomputes the chain.
 */
@Service
public class AuditTrail {

  static final String GENESIS = "0".repeat(64);
  private static final int VERIFY_PAGE = 500;

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
    return record(currentUser.idOrSystem(), action, projectId, projectCode, details);
  }

  @Transactional(propagation = Propagation.REQUIRED)
  public AuditEvent record(String actor, String action, Long projectId, String projectCode, Map<String, ?> details) {
    AuditMapper.ChainHead head = mapper.lockHead();
    long seq = head.lastSeq() + 1;
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    String detailsJson = toJson(details);
    String hash = hash(seq, now, actor, action, projectId, projectCode, detailsJson, head.lastHash());
    AuditEvent event = new AuditEvent(seq, now, actor, action, projectId, projectCode, detailsJson, head.lastHash(), hash);
    mapper.insert(event);
    mapper.moveHead(seq, hash);
    return event;
  }

  @Transactional(readOnly = true)
  public List<AuditEvent> forProject(long projectId) {
    return mapper.findByProject(projectId);
  }

  @Transactional(readOnly = true)
  public List<AuditEvent> page(long afterSeq, int limit, Long projectId) {
    return mapper.findPage(afterSeq, limit, projectId);
  }

  /** Recomputes every hash from the first event on; names the first event that does not match. */
  @Transactional(readOnly = true)
  public ChainVerification verify() {
    String previous = GENESIS;
    long expectedSeq = 1;
    long checked = 0;
    List<AuditEvent> page = mapper.findPage(0, VERIFY_PAGE, null);
    while (!page.isEmpty()) {
      for (AuditEvent event : page) {
        String problem = null;
        if (event.seq() != expectedSeq) {
          problem = "event " + expectedSeq + " is missing";
        } else if (!previous.equals(event.prevHash())) {
          problem = "event " + event.seq() + " does not link to the event before it";
        } else if (!hash(event.seq(), event.occurredAt(), event.actor(), event.action(), event.projectId(),
            event.projectCode(), event.details(), event.prevHash()).equals(event.hash())) {
          problem = "event " + event.seq() + " was changed after it was written";
        }
        if (problem != null) {
          return new ChainVerification(false, checked, event.seq(), problem);
        }
        previous = event.hash();
        expectedSeq++;
        checked++;
      }
      page = mapper.findPage(page.get(page.size() - 1).seq(), VERIFY_PAGE, null);
    }
    AuditMapper.ChainHead head = mapper.head();
    if (head.lastSeq() != checked || !Objects.equals(head.lastHash(), previous)) {
      return new ChainVerification(false, checked, checked + 1, "the trail ends before its recorded head: events were removed");
    }
    return new ChainVerification(true, checked, null, null);
  }

  static String hash(long seq, OffsetDateTime occurredAt, String actor, String action, Long projectId,
      String projectCode, String details, String prevHash) {
    String content = String.join("\u001f", Long.toString(seq), occurredAt.toInstant().toString(), actor, action,
        String.valueOf(projectId), String.valueOf(projectCode), details, prevHash);
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private String toJson(Map<String, ?> details) {
    try {
      return json.writeValueAsString(details == null ? Map.of() : details);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Audit details cannot be written as JSON", e);
    }
  }

  /** The result of recomputing the chain. */
  public record ChainVerification(boolean intact, long eventsChecked, Long firstBrokenSeq, String problem) {
  }
}
