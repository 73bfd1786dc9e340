package io.openpmo.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.openpmo.core.BusinessRuleException;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submissions through the API. The project row and its initiation process are created in one
 * transaction: both exist or neither. Retries are idempotent: the same {@code Idempotency-Key}, or the
 * same {@code externalReference} from the same caller, returns the first project, also when the retries
 * race each other (the database's unique constraints decide, the loser reads the winner's project).
 * A key or reference reused for a different request is a conflict (409).
 */
@Service
public class ProjectSubmissions {

  /** Outcome of a submission: the project and whether this call created it or found it. */
  public record Submission(SubmissionResult result, boolean replayed) {
  }

  private final ProjectRequestValidator validator;
  private final InitiationService initiation;
  private final ProjectMapper projects;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transactions;
  private final ObjectMapper canonicalJson;

  public ProjectSubmissions(ProjectRequestValidator validator, InitiationService initiation, ProjectMapper projects,
      RuntimeService runtimeService, TransactionTemplate transactions, ObjectMapper objectMapper) {
    this.validator = validator;
    this.initiation = initiation;
    this.projects = projects;
    this.runtimeService = runtimeService;
    this.transactions = transactions;
    this.canonicalJson = objectMapper.copy()
        .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
        .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);
  }

  public Submission submit(ProjectRequest raw, String requester, String idempotencyKey) {
    ProjectRequest request = raw.withCurrency(validator.baseCurrency());
    validator.validate(request);
    String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
    if (key != null && key.length() > 100) {
      throw new io.openpmo.core.InvalidRequestException("Idempotency-Key", "must be at most 100 characters");
    }
    String hash = hash(request);
    Optional<Project> earlier = earlier(requester, key, request.externalReference());
    if (earlier.isPresent()) {
      return replay(earlier.get(), hash);
    }
    try {
      Project created = transactions.execute(status -> start(request, requester, key, hash));
      return new Submission(result(created), false);
    } catch (DuplicateKeyException raced) {
      // a concurrent retry won the race: answer with its project
      return replay(earlier(requester, key, request.externalReference()).orElseThrow(() -> raced), hash);
    }
  }

  private Project start(ProjectRequest request, String requester, String key, String hash) {
    Project project = initiation.register(request, requester, key, hash, "API");
    runtimeService.createProcessInstanceByKey(InitiationVariables.PROCESS_KEY)
        .businessKey(project.code())
        .setVariable(InitiationVariables.PROJECT_ID, project.id())
        .setVariable(InitiationVariables.CHANNEL, "API")
        .execute();
    return initiation.get(project.id());
  }

  private Optional<Project> earlier(String requester, String key, String externalReference) {
    if (key != null) {
      Optional<Project> byKey = projects.findByIdempotencyKey(requester, key);
      if (byKey.isPresent()) {
        return byKey;
      }
    }
    return externalReference == null ? Optional.empty() : projects.findByExternalReference(requester, externalReference);
  }

  private Submission replay(Project project, String hash) {
    if (project.requestHash() != null && !project.requestHash().equals(hash)) {
      throw BusinessRuleException.conflict("Idempotency-Key or externalReference already used for a different"
          + " request (project " + project.code() + "); send the same request to retry, or a new key");
    }
    return new Submission(result(project), true);
  }

  public SubmissionResult result(Project project) {
    return new SubmissionResult(project.code(), project.status(), project.riskScore(), project.riskTier(),
        project.priorityScore(), project.priorityClass(),
        initiation.requiredApprovals(project.id()).stream().map(RequiredApproval::groupId).toList(),
        project.processInstanceId());
  }

  private String hash(ProjectRequest request) {
    try {
      byte[] canonical = canonicalJson.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot fingerprint the request", e);
    }
  }
}
