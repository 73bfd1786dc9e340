package io.openpmo.modelchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.core.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** Model changes and the models in force, for process owners, their reviewers and internal audit. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Model changes")
class ModelChangeController {

  private static final URI CHECKS_FAILED = URI.create("urn:openpmo:problem:model-checks-failed");

  private final ModelChangeService changes;
  private final ModelsInForce inForce;

  ModelChangeController(ModelChangeService changes, ModelsInForce inForce) {
    this.changes = changes;
    this.inForce = inForce;
  }

  /** A file of a change. */
  record FileView(String name, String sha256, String replacesSha256, int size) {
  }

  /** A model change as the API shows it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ModelChangeView(String code, String kind, String status, String reason, String channel, String proposedBy,
      OffsetDateTime proposedAt, String rollbackOf, String decidedBy, OffsetDateTime decidedAt, String decisionComment,
      String deploymentId, OffsetDateTime deployedAt, List<FileView> files, List<String> unchanged,
      List<CheckProblem> problems, ModelChangeSimulation.Simulation simulation, String nextStep) {
  }

  /** A model in force. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ModelInForceView(String file, String sha256, String versionTag, String origin, String modelChange,
      String deploymentId, OffsetDateTime since, OffsetDateTime until) {
  }

  /** The reason of a rollback (the proposal's reason gets "(rollback of MC-n)" added: room is left for it). */
  record RollbackRequest(
      @NotBlank(message = "is required: say why the models change") @Size(max = ModelChangeService.MAX_REASON - 100)
      String reason) {
  }

  @PostMapping(value = "/model-changes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Propose a change to processes, decisions, forms or decision test cases (process owners):"
      + " multipart with `reason` and one or more files (.bpmn, .dmn, .form, .csv; any part name), optional"
      + " `simulationSize` (how many past decisions of each changed key to simulate on, default 500). 201: checks"
      + " passed, simulated, waiting for a second person (pmo or compliance) in Tasklist (200: the same files are"
      + " in review already, proposed by the caller: that change). 422: refused by its"
      + " checks (every problem by file, element and line), recorded, nothing deployed. 400: bad input")
  ResponseEntity<?> propose(HttpServletRequest request, @RequestParam(required = false) String reason,
      @RequestParam(required = false) String simulationSize) {
    List<ModelChangeService.Upload> uploads = new ArrayList<>();
    // the multipart request itself or wrapped (a filter may wrap it, as the security filters do under MockMvc)
    MultipartHttpServletRequest multipart =
        org.springframework.web.util.WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    if (multipart != null) {
      for (MultipartFile file : multipart.getMultiFileMap().values().stream().flatMap(List::stream).toList()) {
        try {
          uploads.add(new ModelChangeService.Upload(file.getOriginalFilename() == null || file.getOriginalFilename()
              .isBlank() ? file.getName() : file.getOriginalFilename(), file.getBytes()));
        } catch (IOException e) {
          throw new InvalidRequestException(file.getName(), "could not be read");
        }
      }
    }
    Integer size = null;
    if (simulationSize != null && !simulationSize.isBlank()) {
      try {
        size = Integer.valueOf(simulationSize.strip());
      } catch (NumberFormatException e) {
        throw new InvalidRequestException(List.of(new FieldProblem("simulationSize", "must be a whole number")));
      }
    }
    return answer(changes.propose("API", reason, uploads, size, null));
  }

  @PostMapping("/model-changes/{code}/rollback")
  @Operation(summary = "Propose the rollback of a deployed change (process owners): the versions in force before it,"
      + " as a new model change with checks, simulation and review like any other. Body: {\"reason\": ...}")
  ResponseEntity<?> rollback(@PathVariable String code, @RequestBody RollbackRequest request) {
    return answer(changes.proposeRollback(code, request == null ? null : request.reason()));
  }

  private ResponseEntity<?> answer(ModelChangeService.Proposed proposed) {
    ModelChangeView view = view(proposed.change(), proposed.unchanged());
    if (ModelChange.CHECKS_FAILED.equals(proposed.change().status())) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
          proposed.change().code() + " was refused by its checks; nothing is deployed: " + proposed.problems().stream()
              .map(CheckProblem::describe).collect(Collectors.joining("; ")));
      problem.setType(CHECKS_FAILED);
      problem.setTitle("Model change refused by its checks");
      problem.setProperty("modelChange", proposed.change().code());
      problem.setProperty("problems", proposed.problems());
      return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
    if (proposed.existing()) {
      return ResponseEntity.ok(view);
    }
    return ResponseEntity.created(URI.create("/api/v1/model-changes/" + view.code())).body(view);
  }

  @GetMapping("/model-changes")
  @Operation(summary = "Model changes, newest first (process owners, pmo, compliance, auditors); optional status"
      + " (CHECKS_FAILED, IN_REVIEW, DEPLOYED, REJECTED) and limit (default 50, at most 500)")
  List<ModelChangeView> list(@RequestParam(required = false) String status,
      @RequestParam(required = false, defaultValue = "50") int limit) {
    List<FieldProblem> problems = new ArrayList<>();
    if (status != null && !List.of(ModelChange.CHECKS_FAILED, ModelChange.IN_REVIEW, ModelChange.DEPLOYED,
        ModelChange.REJECTED, ModelChange.CHECKING).contains(status)) {
      problems.add(new FieldProblem("status", "must be one of CHECKS_FAILED, IN_REVIEW, DEPLOYED, REJECTED"));
    }
    if (limit < 1 || limit > 500) {
      problems.add(new FieldProblem("limit", "must be between 1 and 500"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return changes.list(status, limit).stream().map(c -> summaryView(c)).toList();
  }

  @GetMapping("/model-changes/{code}")
  @Operation(summary = "A model change: reason, files with SHA-256, check results, simulation, decision, deployment")
  ModelChangeView get(@PathVariable String code) {
    return view(changes.visible(code), null);
  }

  @GetMapping("/model-changes/{code}/file")
  @Operation(summary = "One file of a model change as proposed, e.g. ?name=dmn/approval-routing.dmn")
  ResponseEntity<byte[]> file(@PathVariable String code, @RequestParam String name) {
    ModelChange change = changes.visible(code);
    ModelChangeFile file = changes.files(change.id()).stream().filter(f -> f.fileName().equals(name)
        || ModelFile.baseName(f.fileName()).equals(name)).findFirst()
        .orElseThrow(() -> new io.openpmo.core.NotFoundException(change.code() + " has no file " + name));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ModelFile.baseName(file.fileName()) + "\"")
        .header("X-Content-SHA256", file.sha256()).body(file.content());
  }

  @GetMapping(value = "/model-changes/{code}/export", produces = "application/zip")
  @Operation(summary = "The files of a model change as a zip, at their places in the repository (processes/, dmn/,"
      + " forms/, dmn/tests/), with MODEL-CHANGE.md (why, who proposed and approved, SHA-256): unzip it at the"
      + " repository's root to take an approved change into the next release")
  ResponseEntity<byte[]> export(@PathVariable String code) throws IOException {
    ModelChange change = changes.visible(code);
    List<ModelChangeFile> files = changes.files(change.id());
    StringBuilder note = new StringBuilder("# " + change.code() + "\n\n" + change.reason() + "\n\n- status: "
        + change.status() + "\n- proposed by " + change.proposedBy() + " on " + change.proposedAt() + "\n");
    if (change.decidedBy() != null) {
      note.append("- decided by ").append(change.decidedBy()).append(" on ").append(change.decidedAt()).append('\n');
    }
    if (change.deploymentId() != null) {
      note.append("- deployment ").append(change.deploymentId()).append('\n');
    }
    note.append("\n| File | SHA-256 |\n|---|---|\n");
    files.forEach(f -> note.append("| ").append(f.fileName()).append(" | ").append(f.sha256()).append(" |\n"));
    Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
    files.forEach(f -> entries.put(f.fileName(), f.content()));
    entries.put("MODEL-CHANGE-" + change.code() + ".md", note.toString().getBytes(StandardCharsets.UTF_8));
    return zip(change.code().toLowerCase(java.util.Locale.ROOT) + ".zip", entries);
  }

  @GetMapping("/models")
  @Operation(summary = "The models in force: each file with its SHA-256, version tag, origin (SHIPPED, ADOPTED,"
      + " APPROVED, EMERGENCY), the model change that approved it and the deployment that carries it")
  List<ModelInForceView> models() {
    changes.requireReader();
    return inForce.current().values().stream().map(ModelChangeController::view).toList();
  }

  @GetMapping("/models/history")
  @Operation(summary = "Every version of one model file that was in force, oldest first, e.g."
      + " ?file=dmn/approval-routing.dmn")
  List<ModelInForceView> history(@RequestParam String file) {
    changes.requireReader();
    String name = ModelFile.canonicalName(file).orElseThrow(() -> new InvalidRequestException("file",
        "is not a model file (.bpmn, .dmn, .form, .csv)"));
    return inForce.history(name).stream().map(ModelChangeController::view).toList();
  }

  @GetMapping(value = "/models/export", produces = "application/zip")
  @Operation(summary = "Every model in force as a zip, at its place in the repository")
  ResponseEntity<byte[]> exportInForce() throws IOException {
    changes.requireReader();
    Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
    inForce.current().values().forEach(v -> entries.put(v.fileName(), v.content()));
    return zip("models-in-force.zip", entries);
  }

  private static ResponseEntity<byte[]> zip(String name, Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(bytes.toByteArray());
  }

  private static ModelInForceView view(ModelVersion v) {
    return new ModelInForceView(v.fileName(), v.sha256(), v.versionTag(), v.origin(),
        v.modelChangeId() == null ? null : ModelChange.code(v.modelChangeId()), v.deploymentId(), v.inForceFrom(),
        v.inForceUntil());
  }

  private ModelChangeView summaryView(ModelChange c) {
    return new ModelChangeView(c.code(), c.kind(), c.status(), c.reason(), c.channel(), c.proposedBy(),
        c.proposedAt(), c.rollbackOf() == null ? null : ModelChange.code(c.rollbackOf()), c.decidedBy(),
        c.decidedAt(), c.decisionComment(), c.deploymentId(), c.deployedAt(), null, null, null, null, nextStep(c));
  }

  private ModelChangeView view(ModelChange c, List<String> unchanged) {
    List<FileView> files = changes.files(c.id()).stream().map(f -> new FileView(f.fileName(), f.sha256(),
        f.previousSha256(), f.content().length)).toList();
    return new ModelChangeView(c.code(), c.kind(), c.status(), c.reason(), c.channel(), c.proposedBy(),
        c.proposedAt(), c.rollbackOf() == null ? null : ModelChange.code(c.rollbackOf()), c.decidedBy(),
        c.decidedAt(), c.decisionComment(), c.deploymentId(), c.deployedAt(), files,
        unchanged == null || unchanged.isEmpty() ? null : unchanged, changes.problems(c.id()),
        changes.simulationOf(c), nextStep(c));
  }

  private static String nextStep(ModelChange c) {
    return switch (c.status()) {
      case ModelChange.CHECKS_FAILED -> "Refused by its checks: fix the problems and propose again.";
      case ModelChange.IN_REVIEW -> "Waiting for a member of pmo or compliance other than " + c.proposedBy()
          + " to review it in Tasklist (\"Review model change: " + c.code() + "\"); deployed when approved.";
      case ModelChange.DEPLOYED -> ModelChange.EMERGENCY.equals(c.kind())
          ? "Deployed directly by camunda-admin (emergency), on the audit trail."
          : "In force since " + c.deployedAt() + " (deployment " + c.deploymentId() + "). Export it"
              + " (/export) into processes/, dmn/, forms/ for the next release; roll it back with /rollback.";
      case ModelChange.REJECTED -> "Rejected by " + c.decidedBy() + ": nothing was deployed.";
      default -> "Being checked.";
    };
  }
}
