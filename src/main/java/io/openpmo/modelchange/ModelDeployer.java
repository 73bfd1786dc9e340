package io.openpmo.modelchange;

import io.openpmo.core.EngineAccess;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deploys models as the system and records what is in force, in one transaction. A deployment is always complete:
 * a process is deployed with the forms it binds to (camunda:formRefBinding="deployment" finds them only in the
 * process's own deployment), and a changed form with the processes that use it, so that their new instances get
 * the new form while open tasks keep theirs. Unchanged models are not deployed again, so their versions stay.
 */
@Service
class ModelDeployer {

  static final String SOURCE = "openpmo-model-governance";

  /** What was deployed: the engine deployment, the versions now in force, and what was added to complete it. */
  record Deployed(String deploymentId, List<ModelVersion> versions, List<String> addedForCompleteness) {
  }

  private final ModelChangeMapper mapper;
  private final ModelsInForce inForce;
  private final RepositoryService repositoryService;
  private final EngineAccess engineAccess;
  private final Clock clock;

  ModelDeployer(ModelChangeMapper mapper, ModelsInForce inForce, RepositoryService repositoryService,
      EngineAccess engineAccess, Clock clock) {
    this.mapper = mapper;
    this.inForce = inForce;
    this.repositoryService = repositoryService;
    this.engineAccess = engineAccess;
    this.clock = clock;
  }

  /**
   * Deploys the files with what completes them and puts them in force: {@code origin} and {@code modelChangeId} say
   * why (models added for completeness keep the origin of the version they repeat).
   */
  @Transactional
  public Deployed deploy(List<ModelFile> files, String origin, Long modelChangeId, String deploymentName) {
    Map<String, ModelVersion> current = inForce.current();
    Map<String, ModelFile> currentFiles = new LinkedHashMap<>();
    current.forEach((name, version) -> currentFiles.put(name, version.toModelFile()));
    Map<String, ModelFile> complete = complete(files, currentFiles);
    List<String> added = complete.keySet().stream().filter(n -> files.stream().noneMatch(f -> f.name().equals(n)))
        .toList();
    List<ModelFile> deployed = complete.values().stream().filter(f -> f.kind().deployed()).toList();
    String deploymentId = null;
    if (!deployed.isEmpty()) {
      deploymentId = engineAccess.asSystem(() -> {
        DeploymentBuilder builder = repositoryService.createDeployment().name(deploymentName).source(SOURCE);
        deployed.forEach(f -> builder.addInputStream(f.name(), new ByteArrayInputStream(f.content())));
        return builder.deploy().getId();
      });
    }
    List<ModelVersion> versions = new ArrayList<>();
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    for (ModelFile file : complete.values()) {
      ModelVersion previous = current.get(file.name());
      boolean repeated = added.contains(file.name()) && previous != null;
      versions.add(record(file, repeated ? previous.origin() : origin,
          repeated ? previous.modelChangeId() : modelChangeId, file.kind().deployed() ? deploymentId : null,
          previous, now));
    }
    return new Deployed(deploymentId, versions, added);
  }

  /** Records a file already deployed (adopted at the first start, or deployed by camunda-admin) as in force. */
  @Transactional
  public ModelVersion recordDeployed(ModelFile file, String origin, Long modelChangeId, String deploymentId) {
    ModelVersion previous = inForce.current().get(file.name());
    return record(file, origin, modelChangeId, deploymentId, previous,
        OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
  }

  /** The files to add to these so that the deployment is complete (see the class comment). */
  Map<String, ModelFile> additions(List<ModelFile> files) {
    Map<String, ModelFile> complete = complete(files, inForce.currentFiles());
    files.forEach(f -> complete.remove(f.name()));
    return complete;
  }

  private ModelVersion record(ModelFile file, String origin, Long modelChangeId, String deploymentId,
      ModelVersion previous, OffsetDateTime now) {
    if (previous != null) {
      mapper.closeVersion(previous.id(), now);
    }
    ModelVersion version = new ModelVersion(null, file.name(), file.kind().name(), file.sha256(), file.content(),
        versionTag(file), origin, modelChangeId, deploymentId, now, null);
    long id = mapper.insertVersion(version);
    return new ModelVersion(id, version.fileName(), version.kind(), version.sha256(), version.content(),
        version.versionTag(), version.origin(), version.modelChangeId(), version.deploymentId(), now, null);
  }

  /** The camunda:versionTag a file declares (the highest of its processes or decisions; a form's versionTag). */
  static String versionTag(ModelFile file) {
    try {
      return switch (file.kind()) {
        case PROCESS -> BpmnFacts.of(file.content()).versionTag();
        case DECISION -> DmnFacts.of(file.content()).versionTag();
        case FORM -> FormFacts.of(file.content()).versionTag;
        case TEST -> null;
      };
    } catch (Exception unreadable) {
      return null;
    }
  }

  /**
   * The files with everything that completes them, against the models in force: every process that binds to a
   * changed form, and the forms that the changed and those processes bind to. A form added only to complete the
   * deployment pulls in nothing more: its other processes keep the version they have.
   */
  static Map<String, ModelFile> complete(List<ModelFile> files, Map<String, ModelFile> inForce) {
    Map<String, ModelFile> set = new LinkedHashMap<>();
    files.forEach(f -> set.put(f.name(), f));
    Map<String, ModelFile> effective = new LinkedHashMap<>(inForce);
    effective.putAll(set);
    Map<String, String> formFileById = new LinkedHashMap<>();
    Map<String, List<String>> formIdsByProcessFile = new LinkedHashMap<>();
    for (ModelFile file : effective.values()) {
      if (file.kind() == ModelKind.FORM) {
        String id = FormFacts.of(file.content()).id;
        if (id != null) {
          formFileById.put(id, file.name());
        }
      } else if (file.kind() == ModelKind.PROCESS) {
        try {
          formIdsByProcessFile.put(file.name(),
              BpmnFacts.of(file.content()).formRefs.stream().map(BpmnFacts.Ref::target).distinct().toList());
        } catch (Exception unreadable) {
          formIdsByProcessFile.put(file.name(), List.of());
        }
      }
    }
    for (ModelFile file : files) {
      if (file.kind() == ModelKind.FORM) {
        String id = FormFacts.of(file.content()).id;
        formIdsByProcessFile.forEach((process, formIds) -> {
          if (formIds.contains(id)) {
            set.putIfAbsent(process, effective.get(process));
          }
        });
      }
    }
    for (ModelFile file : List.copyOf(set.values())) {
      if (file.kind() == ModelKind.PROCESS) {
        for (String formId : formIdsByProcessFile.getOrDefault(file.name(), List.of())) {
          String form = formFileById.get(formId);
          if (form != null) {
            set.putIfAbsent(form, effective.get(form));
          }
        }
      }
    }
    return set;
  }
}
