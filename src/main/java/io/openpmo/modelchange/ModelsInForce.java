package io.openpmo.modelchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The models in force, as the application knows them: for every file the version in force, where it came from
 * (shipped, adopted, approved by a model change, emergency), which deployment carries it; and every earlier
 * version, for rollbacks and for the question "which approval decided this".
 */
@Service
public class ModelsInForce {

  private final ModelChangeMapper mapper;

  ModelsInForce(ModelChangeMapper mapper) {
    this.mapper = mapper;
  }

  /** The version in force of every file, by file name. */
  @Transactional(readOnly = true)
  public Map<String, ModelVersion> current() {
    Map<String, ModelVersion> current = new LinkedHashMap<>();
    mapper.currentVersions().forEach(v -> current.put(v.fileName(), v));
    return current;
  }

  /** The files in force, by name. */
  @Transactional(readOnly = true)
  public Map<String, ModelFile> currentFiles() {
    Map<String, ModelFile> files = new LinkedHashMap<>();
    mapper.currentVersions().forEach(v -> files.put(v.fileName(), v.toModelFile()));
    return files;
  }

  @Transactional(readOnly = true)
  public List<ModelVersion> history(String fileName) {
    return mapper.versionsOf(fileName);
  }

  /** The version that a deployment carried (in force or not), with the change that approved it, if any. */
  @Transactional(readOnly = true)
  public Optional<ModelVersion> carriedBy(String deploymentId, String fileName) {
    return mapper.versionsInDeployment(deploymentId).stream()
        .filter(v -> fileName == null || ModelFile.baseName(v.fileName()).equals(ModelFile.baseName(fileName)))
        .findFirst();
  }

  /** Why models of this deployment are in force, or null. */
  @Transactional(readOnly = true)
  public String whyInForce(String deploymentId) {
    List<ModelVersion> inForce = mapper.currentVersionsInDeployment(deploymentId);
    if (inForce.isEmpty()) {
      return null;
    }
    return "it carries the model(s) in force " + String.join(", ", inForce.stream().map(v -> v.fileName()
        + (v.modelChangeId() == null ? " (" + v.origin().toLowerCase(java.util.Locale.ROOT) + ")"
        : " (" + ModelChange.code(v.modelChangeId()) + ")")).toList());
  }
}
