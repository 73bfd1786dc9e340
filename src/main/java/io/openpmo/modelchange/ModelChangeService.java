package io.openpmo.modelchange;

import io.openpmo.project.ReviewVerdict;
import io.openpmo.audit.AuditTrail;
import io.openpmo.core.BusinessRuleException;
import io.openpmo.core.CurrentUser;
import io.openpmo.core.EngineAccess;
import io.openpmo.core.FieldProblem;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.core.NotFoundException;
import io.openpmo.review.ReviewDecision;
import io.openpmo.review.ReviewService;
import io.openpmo.review.ReviewSubjectType;
import io.openpmo.security.Groups;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Model changes: proposing (through the API, from Camunda Modeler, as a rollback), the checks and the simulation
 * (steps of the process modelChange), deploying what the second person approved, and the emergency record. Every
 * step is on the audit trail with who, why and the SHA-256 of every file.
 */
@Service
public class ModelChangeService {

  static final int MAX_FILES = 50;
  static final int MAX_FILE_BYTES = 2_000_000;
  static final int MAX_REASON = 4000;
  static final int MAX_SIMULATION_SIZE = 5000;

  /** Who may read model changes; who may propose them. */
  static final List<String> READERS = List.of(Groups.PROCESS_OWNERS, Groups.PMO, Groups.COMPLIANCE, Groups.AUDITORS,
      Groups.ADMIN);
  static final List<String> PROPOSERS = List.of(Groups.PROCESS_OWNERS, Groups.ADMIN);

  /** A file as it arrived: its name (bare or with a folder) and content. */
  public record Upload(String name, byte[] content) {
  }

  /**
   * What a proposal became: the change, the problems the checks found, the files left out as unchanged, and whether
   * it is the same proposal sent again (the change in review with exactly these files).
   */
  public record Proposed(ModelChange change, List<CheckProblem> problems, List<String> unchanged, boolean existing) {
  }

  private final ModelChangeMapper mapper;
  private final ModelsInForce inForce;
  private final ModelChecks checks;
  private final ModelChangeSimulation simulation;
  private final ModelChangeSummary summary;
  private final ModelDeployer deployer;
  private final ReviewService reviews;
  private final RuntimeService runtimeService;
  private final EngineAccess engineAccess;
  private final AuditTrail auditTrail;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final int defaultSimulationSize;

  ModelChangeService(ModelChangeMapper mapper, ModelsInForce inForce, ModelChecks checks,
      ModelChangeSimulation simulation, ModelChangeSummary summary, ModelDeployer deployer, ReviewService reviews,
      RuntimeService runtimeService, EngineAccess engineAccess, AuditTrail auditTrail, CurrentUser currentUser,
      Clock clock, @Value("${openpmo.model-governance.simulation-size:500}") int defaultSimulationSize) {
    this.mapper = mapper;
    this.inForce = inForce;
    this.checks = checks;
    this.simulation = simulation;
    this.summary = summary;
    this.deployer = deployer;
    this.reviews = reviews;
    this.runtimeService = runtimeService;
    this.engineAccess = engineAccess;
    this.auditTrail = auditTrail;
    this.currentUser = currentUser;
    this.clock = clock;
    this.defaultSimulationSize = defaultSimulationSize;
  }

  // ---------------------------------------------------------------- proposing

  /**
   * Files a proposal and starts its process, which runs the checks (and, when they pass, the simulation) before it
   * waits for the review. Files equal to the version in force are left out; a proposal that changes nothing is
   * refused. Checks that fail leave the proposal on record as CHECKS_FAILED.
   */
  @Transactional
  public Proposed propose(String channel, String reason, List<Upload> uploads, Integer simulationSize, Long rollbackOf) {
    String proposer = currentUser.id().orElseThrow(() -> BusinessRuleException.forbidden("Log in to propose"));
    if (!currentUser.isInAnyGroup(PROPOSERS.toArray(String[]::new))) {
      throw BusinessRuleException.forbidden(proposer + " may not propose model changes: process owners ("
          + Groups.PROCESS_OWNERS + ") propose them");
    }
    List<ModelFile> files = validate(reason, uploads, simulationSize);
    Map<String, ModelFile> current = inForce.currentFiles();
    List<ModelFile> changed = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (ModelFile file : files) {
      ModelFile now = current.get(file.name());
      if (now != null && now.sha256().equals(file.sha256())) {
        unchanged.add(file.name());
      } else {
        changed.add(file);
      }
    }
    if (changed.isEmpty()) {
      throw BusinessRuleException.unprocessable("Nothing to change: every file sent is the version in force ("
          + String.join(", ", unchanged) + "). To restore an earlier version, send that version's file, or ask for"
          + " the rollback of the change that replaced it.");
    }
    ModelChange pending = samePendingProposal(proposer, changed);
    if (pending != null) {
      // deployed twice from Modeler, say: the proposal exists already
      return new Proposed(pending, mapper.findChecks(pending.id()), unchanged, true);
    }
    OffsetDateTime now = now();
    int size = simulationSize == null ? defaultSimulationSize : simulationSize;
    ModelChange draft = new ModelChange(null, rollbackOf == null ? ModelChange.CHANGE : ModelChange.ROLLBACK,
        ModelChange.CHECKING, reason.strip(), channel, proposer, now, rollbackOf, size, null, null, null, null, null,
        null, null);
    long id = mapper.insert(draft);
    for (ModelFile file : changed) {
      ModelFile previous = current.get(file.name());
      mapper.insertFile(new ModelChangeFile(id, file.name(), file.kind().name(), file.content(), file.sha256(),
          previous == null ? null : previous.sha256()));
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("modelChange", ModelChange.code(id));
    details.put("reason", ModelChangeSummary.forAudit(reason, 1000));
    details.put("channel", channel);
    if (rollbackOf != null) {
      details.put("rollbackOf", ModelChange.code(rollbackOf));
    }
    details.put("files", fileHashes(mapper.findFiles(id)));
    auditTrail.record(proposer, "MODEL_CHANGE_PROPOSED", null, null, details);
    String instance = engineAccess.asSystem(() -> runtimeService
        .createProcessInstanceByKey(ModelChangeVariables.PROCESS_KEY).businessKey(ModelChange.code(id))
        .setVariable(ModelChangeVariables.MODEL_CHANGE_ID, id)
        .setVariable(ModelChangeVariables.REJECTED, false)
        .execute().getId());
    mapper.started(id, instance);
    ModelChange change = get(id);
    return new Proposed(change, mapper.findChecks(id), unchanged, false);
  }

  /** The proposer's change in review with exactly these files, if there is one. */
  private ModelChange samePendingProposal(String proposer, List<ModelFile> files) {
    Map<String, String> wanted = new LinkedHashMap<>();
    files.forEach(f -> wanted.put(f.name(), f.sha256()));
    for (ModelChange open : mapper.search(ModelChange.IN_REVIEW, 500)) {
      if (open.proposedBy().equals(proposer) && open.processInstanceId() != null && engineAccess.asSystem(() ->
          runtimeService.createProcessInstanceQuery().processInstanceId(open.processInstanceId()).count() > 0)) {
        Map<String, String> has = new LinkedHashMap<>();
        mapper.findFiles(open.id()).forEach(f -> has.put(f.fileName(), f.sha256()));
        if (has.equals(wanted)) {
          return open;
        }
      }
    }
    return null;
  }

  /** Proposes the versions that were in force before a deployed change: a rollback is a change like any other. */
  @Transactional
  public Proposed proposeRollback(String code, String reason) {
    ModelChange target = visible(code);
    if (!ModelChange.DEPLOYED.equals(target.status())) {
      throw BusinessRuleException.conflict(target.code() + " was never deployed (" + target.status()
          + "); there is nothing to roll back");
    }
    List<Upload> files = new ArrayList<>();
    List<String> added = new ArrayList<>();
    for (ModelVersion version : mapper.versionsByChange(target.id())) {
      ModelVersion before = null;
      for (ModelVersion v : mapper.versionsOf(version.fileName())) {
        if (v.id() < version.id()) {
          before = v;
        }
      }
      if (before == null) {
        added.add(version.fileName());
      } else {
        files.add(new Upload(before.fileName(), before.content()));
      }
    }
    if (files.isEmpty()) {
      throw BusinessRuleException.unprocessable(target.code() + " only added new files (" + String.join(", ", added)
          + "); a rollback cannot remove a model. Propose a version that no longer uses them instead.");
    }
    String why = reason == null || reason.isBlank() ? null : reason.strip() + " (rollback of " + target.code() + ")";
    return propose("API", why, files, null, target.id());
  }

  private List<ModelFile> validate(String reason, List<Upload> uploads, Integer simulationSize) {
    List<FieldProblem> problems = new ArrayList<>();
    if (reason == null || reason.isBlank()) {
      problems.add(new FieldProblem("reason", "is required: say why the models change"));
    } else if (reason.length() > MAX_REASON) {
      problems.add(new FieldProblem("reason", "must be at most " + MAX_REASON + " characters"));
    }
    if (simulationSize != null && (simulationSize < 1 || simulationSize > MAX_SIMULATION_SIZE)) {
      problems.add(new FieldProblem("simulationSize", "must be between 1 and " + MAX_SIMULATION_SIZE));
    }
    List<ModelFile> files = new ArrayList<>();
    if (uploads == null || uploads.isEmpty()) {
      problems.add(new FieldProblem("files", "are required: one or more .bpmn, .dmn, .form or .csv files"));
    } else if (uploads.size() > MAX_FILES) {
      problems.add(new FieldProblem("files", "must be at most " + MAX_FILES));
    } else {
      Set<String> names = new LinkedHashSet<>();
      for (Upload upload : uploads) {
        String field = "files[" + upload.name() + "]";
        var canonical = ModelFile.canonicalName(upload.name());
        if (canonical.isEmpty()) {
          problems.add(new FieldProblem(field, "is not a model file: .bpmn (processes), .dmn (decisions), .form"
              + " (forms) or .csv (decision test cases), named with letters, digits, dots, dashes and underscores"));
        } else if (upload.content() == null || upload.content().length == 0) {
          problems.add(new FieldProblem(field, "is empty"));
        } else if (upload.content().length > MAX_FILE_BYTES) {
          problems.add(new FieldProblem(field, "must be at most " + MAX_FILE_BYTES + " bytes"));
        } else if (!names.add(canonical.get())) {
          problems.add(new FieldProblem(field, "is sent twice"));
        } else {
          files.add(ModelFile.of(canonical.get(), upload.content()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return files;
  }

  // ---------------------------------------------------------------- steps of the process

  /** The checks step: records every problem; true when there is none. */
  @Transactional
  public boolean check(long id) {
    ModelChange change = get(id);
    List<ModelFile> files = mapper.findFiles(id).stream().map(ModelChangeFile::toModelFile).toList();
    List<CheckProblem> problems = checks.check(files, inForce.currentFiles());
    problems.forEach(p -> mapper.insertCheck(id, p));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("modelChange", change.code());
    if (problems.isEmpty()) {
      details.put("result", "all checks passed");
      auditTrail.record(CurrentUser.SYSTEM, "MODEL_CHANGE_CHECKED", null, null, details);
      return true;
    }
    mapper.setStatus(id, ModelChange.CHECKS_FAILED);
    details.put("problems", problems.stream().limit(15).map(p -> ModelChangeSummary.forAudit(p.describe(), 300))
        .toList());
    details.put("problemCount", problems.size());
    auditTrail.record(CurrentUser.SYSTEM, "MODEL_CHANGE_REFUSED_BY_CHECKS", null, null, details);
    return false;
  }

  /** The simulation step: what the change would do on past decisions and running processes; then the review. */
  @Transactional
  public void simulate(long id) {
    ModelChange change = get(id);
    List<ModelFile> files = mapper.findFiles(id).stream().map(ModelChangeFile::toModelFile).toList();
    ModelChangeSimulation.Simulation result = simulation.simulate(files, inForce.currentFiles(),
        change.simulationSize());
    mapper.setSimulation(id, summary.toJson(result));
    mapper.setStatus(id, ModelChange.IN_REVIEW);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("modelChange", change.code());
    details.put("decisions", result.decisions().stream().map(d -> d.decision() + ": " + d.changed() + " of "
        + d.evaluated() + " past evaluations would change (" + d.projectsAffected() + " projects)").toList());
    details.put("processes", result.processes().stream().map(p -> p.process() + ": " + p.running().stream()
        .mapToLong(ModelChangeSimulation.RunningVersion::instances).sum() + " running instances stay").toList());
    auditTrail.record(CurrentUser.SYSTEM, "MODEL_CHANGE_SIMULATED", null, null, details);
  }

  /**
   * The deployment step, after the review approved: the approval is read from the recorded votes (never from a
   * variable); the files are deployed only while the versions they replace are still in force (otherwise another
   * change was deployed meanwhile, and deploying would silently undo it: a 409, the reviewer rejects and the
   * process owner proposes again).
   */
  @Transactional
  public ModelDeployer.Deployed deployApproved(long id) {
    ModelChange change = get(id);
    ReviewDecision approval = latestVote(id);
    if (approval == null || !ReviewVerdict.APPROVE.is(approval.decision())) {
      throw new IllegalStateException(change.code() + " reached deployment without a recorded approval");
    }
    if (approval.reviewer().equals(change.proposedBy())) {
      throw new IllegalStateException(change.code() + " was approved by its proposer");
    }
    List<ModelChangeFile> files = mapper.findFiles(id);
    Map<String, ModelVersion> current = inForce.current();
    List<String> stale = new ArrayList<>();
    for (ModelChangeFile file : files) {
      ModelVersion now = current.get(file.fileName());
      String nowSha = now == null ? null : now.sha256();
      if (!java.util.Objects.equals(nowSha, file.previousSha256())) {
        stale.add(file.fileName() + " (now " + (now == null ? "absent" : now.sha256().substring(0, 12) + "…"
            + (now.modelChangeId() == null ? "" : " from " + ModelChange.code(now.modelChangeId()))) + ")");
      }
    }
    if (!stale.isEmpty()) {
      throw BusinessRuleException.conflict(change.code() + " cannot be deployed: the models it replaces changed"
          + " after it was proposed: " + String.join(", ", stale) + ". Deploying it would undo that change; reject"
          + " it and propose again on top of the models in force.");
    }
    ModelDeployer.Deployed deployed = deployer.deploy(files.stream().map(ModelChangeFile::toModelFile).toList(),
        ModelVersion.APPROVED, id, change.code() + ": " + ModelChangeSummary.shorten(change.reason(), 200));
    OffsetDateTime now = now();
    mapper.decided(id, ModelChange.DEPLOYED, approval.reviewer(), approval.decidedAt(), approval.comment());
    mapper.deployed(id, deployed.deploymentId(), now);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("modelChange", change.code());
    details.put("kind", change.kind());
    details.put("proposedBy", change.proposedBy());
    details.put("approvedBy", approval.reviewer());
    details.put("reason", ModelChangeSummary.forAudit(change.reason(), 1000));
    if (approval.comment() != null) {
      details.put("comment", ModelChangeSummary.forAudit(approval.comment(), 500));
    }
    details.put("files", fileHashes(files));
    details.put("deploymentId", String.valueOf(deployed.deploymentId()));
    if (!deployed.addedForCompleteness().isEmpty()) {
      details.put("deployedWithIt", deployed.addedForCompleteness().stream().limit(AUDITED_FILES).toList());
    }
    auditTrail.record(CurrentUser.SYSTEM, "MODEL_CHANGE_DEPLOYED", null, null, details);
    return deployed;
  }

  /** The rejection step: the reviewer's REJECT, as recorded, closes the change. */
  @Transactional
  public void recordRejection(long id) {
    ModelChange change = get(id);
    ReviewDecision rejection = latestVote(id);
    if (rejection == null || !ReviewVerdict.REJECT.is(rejection.decision())) {
      throw new IllegalStateException(change.code() + " reached rejection without a recorded REJECT");
    }
    mapper.decided(id, ModelChange.REJECTED, rejection.reviewer(), rejection.decidedAt(), rejection.comment());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("modelChange", change.code());
    details.put("proposedBy", change.proposedBy());
    details.put("rejectedBy", rejection.reviewer());
    details.put("comment", String.valueOf(ModelChangeSummary.forAudit(rejection.comment(), 1000)));
    auditTrail.record(CurrentUser.SYSTEM, "MODEL_CHANGE_REJECTED", null, null, details);
  }

  private ReviewDecision latestVote(long id) {
    List<ReviewDecision> votes = reviews.decisions(ReviewSubjectType.MODEL_CHANGE, id).stream()
        .filter(ReviewDecision::isVote).toList();
    return votes.isEmpty() ? null : votes.get(votes.size() - 1);
  }

  // ---------------------------------------------------------------- emergency deployments (camunda-admin)

  /** The checks of a proposal, for an administrator's direct deployment; empty when it may go ahead. */
  @Transactional(readOnly = true)
  public List<CheckProblem> checkEmergency(List<ModelFile> files) {
    return checks.check(files, inForce.currentFiles());
  }

  /** What a direct deployment must carry besides its files (the forms its processes bind to, ...). */
  @Transactional(readOnly = true)
  public Map<String, ModelFile> completing(List<ModelFile> files) {
    return deployer.additions(files);
  }

  /** Records a direct deployment by camunda-admin: a model change of kind EMERGENCY, deployed, on the audit trail. */
  @Transactional
  public ModelChange recordEmergency(String deploymentId, String deploymentName, List<ModelFile> files) {
    String admin = currentUser.idOrSystem();
    OffsetDateTime now = now();
    String reason = "Emergency deployment by " + admin + (deploymentName == null || deploymentName.isBlank() ? ""
        : ": " + ModelChangeSummary.shorten(deploymentName, 500));
    long id = mapper.insert(new ModelChange(null, ModelChange.EMERGENCY, ModelChange.CHECKING, reason,
        ModelChange.EMERGENCY, admin, now, null, 0, null, null, null, null, null, null, null));
    Map<String, ModelVersion> current = inForce.current();
    for (ModelFile file : files) {
      ModelVersion previous = current.get(file.name());
      String deployedIn = file.kind().deployed() ? deploymentId : null;
      if (previous != null && previous.sha256().equals(file.sha256())) {
        // deployed again to complete the deployment: the version in force, with its own origin and approval
        deployer.recordDeployed(file, previous.origin(), previous.modelChangeId(), deployedIn);
        continue;
      }
      mapper.insertFile(new ModelChangeFile(id, file.name(), file.kind().name(), file.content(), file.sha256(),
          previous == null ? null : previous.sha256()));
      deployer.recordDeployed(file, ModelVersion.EMERGENCY, id, deployedIn);
    }
    mapper.deployed(id, deploymentId, now);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("modelChange", ModelChange.code(id));
    details.put("deployedBy", admin);
    details.put("deploymentId", deploymentId);
    details.put("deploymentName", String.valueOf(ModelChangeSummary.forAudit(deploymentName, 300)));
    details.put("files", fileHashes(mapper.findFiles(id)));
    details.put("note", "deployed without a second person's approval (emergency path of camunda-admin)");
    auditTrail.record(admin, "MODEL_EMERGENCY_DEPLOYED", null, null, details);
    return get(id);
  }

  // ---------------------------------------------------------------- reading

  @Transactional(readOnly = true)
  public ModelChange visible(String code) {
    requireReader();
    Long id = ModelChange.idOf(code);
    return id == null ? notFound(code) : mapper.findById(id).orElseGet(() -> notFound(code));
  }

  @Transactional(readOnly = true)
  public List<ModelChange> list(String status, int limit) {
    requireReader();
    return mapper.search(status, limit);
  }

  @Transactional(readOnly = true)
  public List<ModelChangeFile> files(long id) {
    return mapper.findFiles(id);
  }

  @Transactional(readOnly = true)
  public List<CheckProblem> problems(long id) {
    return mapper.findChecks(id);
  }

  @Transactional(readOnly = true)
  public ModelChangeSimulation.Simulation simulationOf(ModelChange change) {
    return summary.simulation(change);
  }

  @Transactional(readOnly = true)
  public String summaryOf(ModelChange change) {
    return summary.markdown(change);
  }

  @Transactional(readOnly = true)
  public List<ModelVersion> versionsOf(long id) {
    return mapper.versionsByChange(id);
  }

  void requireReader() {
    if (!currentUser.isInAnyGroup(READERS.toArray(String[]::new))) {
      throw BusinessRuleException.forbidden("Model changes are read by " + String.join(", ", READERS));
    }
  }

  ModelChange get(long id) {
    return mapper.findById(id).orElseThrow(() -> new NotFoundException("No model change " + ModelChange.code(id)));
  }

  private static <T> T notFound(String code) {
    throw new NotFoundException("No model change " + code);
  }

  /**
   * Files listed one by one on the audit trail; beyond, the content digest covers them. With the texts cut by
   * {@link ModelChangeSummary#forAudit} every event fits the audit trail's 8000 characters whatever the names.
   */
  static final int AUDITED_FILES = 12;

  /**
   * The SHA-256 of every file (up to {@link #AUDITED_FILES}, with the one each replaces) and one digest over all of
   * them: SHA-256 of the lines "name sha256", sorted by name.
   */
  static Map<String, Object> fileHashes(List<ModelChangeFile> files) {
    Map<String, Object> hashes = new LinkedHashMap<>();
    hashes.put("contentDigest", ModelFile.sha256(files.stream().sorted(java.util.Comparator
        .comparing(ModelChangeFile::fileName)).map(f -> f.fileName() + " " + f.sha256() + "\n")
        .collect(java.util.stream.Collectors.joining()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    hashes.put("count", files.size());
    hashes.put("list", files.stream().limit(AUDITED_FILES).map(f -> {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("file", f.fileName());
      entry.put("sha256", f.sha256());
      if (f.previousSha256() != null) {
        entry.put("replaces", f.previousSha256());
      }
      return entry;
    }).toList());
    return hashes;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
