package io.openpmo.modelchange;

import io.openpmo.security.ModelDeploymentPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Deployments through the engine's surfaces, as model governance wants them (the engine guard calls this):
 * Camunda Modeler's deploy button files a process owner's proposal and answers what happens next; camunda-admin's
 * direct deployment passes the same checks, gets the forms its processes need and is put on record.
 *
 * <p>What Camunda Modeler (5.x) shows: on a 2xx answer it announces "deployed" with a link to the deployment in
 * Cockpit; on any other answer it announces "Deployment failed" and writes the answer's {@code message} to its log.
 * Nothing is deployed when a process owner deploys, so the answer is not a 2xx: it is a 403 (process owners may
 * not deploy directly) whose message says that the proposal exists and who reviews it; refused checks are a 400
 * listing every problem by file, element and line.
 */
@Component
class ModelChangePolicy implements ModelDeploymentPolicy {

  private final ModelChangeService changes;
  private final ModelsInForce inForce;
  private final String publicUrl;

  ModelChangePolicy(ModelChangeService changes, ModelsInForce inForce,
      @Value("${openpmo.public-url}") String publicUrl) {
    this.changes = changes;
    this.inForce = inForce;
    this.publicUrl = publicUrl;
  }

  @Override
  public Outcome propose(String deploymentName, String source, Map<String, byte[]> resources) {
    List<ModelChangeService.Upload> uploads = new ArrayList<>();
    resources.forEach((name, bytes) -> uploads.add(new ModelChangeService.Upload(name, bytes)));
    String reason = deploymentName == null ? "" : deploymentName.strip();
    boolean defaultName = resources.keySet().stream().map(ModelFile::baseName)
        .anyMatch(file -> file.equalsIgnoreCase(reason) || file.replaceFirst("\\.[^.]+$", "").equalsIgnoreCase(reason));
    if (reason.isEmpty() || defaultName) {
      return new Outcome(false, "Not deployed. Say why the models change: write the reason into the \"Deployment"
          + " name\" field of the deploy dialog (it becomes the reason of your proposal), then deploy again.");
    }
    ModelChangeService.Proposed proposed;
    try {
      proposed = changes.propose("MODELER", reason, uploads, null, null);
    } catch (io.openpmo.core.InvalidRequestException | io.openpmo.core.BusinessRuleException e) {
      return new Outcome(false, "Not deployed: " + e.getMessage());
    }
    ModelChange change = proposed.change();
    String link = publicUrl + "/api/v1/model-changes/" + change.code();
    if (ModelChange.CHECKS_FAILED.equals(change.status())) {
      return new Outcome(false, "Not deployed: model change " + change.code() + " was refused by its checks ("
          + proposed.problems().size() + " problem(s)):\n" + proposed.problems().stream()
          .map(p -> "- " + p.describe()).collect(Collectors.joining("\n")) + hint(proposed.problems())
          + "\nFix them and deploy again. Details: " + link);
    }
    String simulation = changes.simulationOf(change) == null ? "" : changes.simulationOf(change).decisions().stream()
        .map(d -> " " + d.decision() + ": " + d.changed() + " of the last " + d.evaluated() + " decisions would change"
            + " (" + d.projectsAffected() + " projects).").collect(Collectors.joining());
    return new Outcome(true, "Not deployed yet: process owners propose, a second person approves. Your files are"
        + (proposed.existing() ? " already" : "") + " model change " + change.code() + " (\"" + ModelChangeSummary.shorten(reason, 100) + "\"); every check"
        + " passed." + simulation + " A member of pmo or compliance other than you reviews it in Tasklist (\"Review"
        + " model change: " + change.code() + "\"); when approved, the system deploys it."
        + (proposed.unchanged().isEmpty() ? "" : " Unchanged, left out: " + String.join(", ", proposed.unchanged())
        + ".") + " Follow it: " + link);
  }

  @Override
  public Map<String, byte[]> prepareEmergency(Map<String, byte[]> resources) {
    List<ModelFile> files = files(resources);
    List<CheckProblem> problems = changes.checkEmergency(files);
    if (!problems.isEmpty()) {
      throw new BadUserRequestException("Deployment refused by the checks every model passes (" + problems.size()
          + " problem(s)):\n" + problems.stream().map(p -> "- " + p.describe()).collect(Collectors.joining("\n"))
          + hint(problems));
    }
    Map<String, byte[]> added = new LinkedHashMap<>();
    changes.completing(files).forEach((name, file) -> {
      if (resources.keySet().stream().noneMatch(r -> ModelFile.baseName(r).equals(file.baseName()))) {
        added.put(name, file.content());
      }
    });
    return added;
  }

  @Override
  public void recordEmergency(String deploymentId, String deploymentName, Map<String, byte[]> resources) {
    changes.recordEmergency(deploymentId, deploymentName, files(resources));
  }

  @Override
  public String inForce(String deploymentId) {
    return inForce.whyInForce(deploymentId);
  }

  private static String hint(List<CheckProblem> problems) {
    return problems.stream().anyMatch(p -> CheckProblem.CODE.equals(p.check()))
        ? "\nModels may read and compare variables and name our delegates; they may not run code." : "";
  }

  private static List<ModelFile> files(Map<String, byte[]> resources) {
    List<ModelFile> files = new ArrayList<>();
    resources.forEach((name, bytes) -> ModelFile.canonicalName(name).ifPresentOrElse(
        canonical -> files.add(ModelFile.of(canonical, bytes)),
        () -> {
          throw new BadUserRequestException("Deployment refused: " + name + " is not a model file of this application"
              + " (.bpmn, .dmn, .form)");
        }));
    return files;
  }
}
