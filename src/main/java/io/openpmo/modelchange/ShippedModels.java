package io.openpmo.modelchange;

import io.openpmo.audit.AuditTrail;
import io.openpmo.core.CurrentUser;
import io.openpmo.core.EngineAccess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deploys the models shipped with the application at start-up (it replaces the Camunda starter's auto-deployment,
 * which redeploys everything whenever one file changes and so would undo what process owners changed since). For
 * every file of {@code processes/}, {@code dmn/}, {@code forms/} and {@code dmn/tests/}:
 * <ul>
 *   <li>nothing in force yet: deployed (on the first start under governance, a version the engine already has is
 *       adopted instead of deployed again);</li>
 *   <li>the version in force is this file: nothing to do;</li>
 *   <li>the version in force was shipped: a release changed the file, it is deployed;</li>
 *   <li>the version in force was approved by a model change (or deployed in an emergency): it is kept, and the log
 *       says which approved version is kept, unless the shipped file is newer than the approved one: the release
 *       changed it since the last start and declares a higher {@code camunda:versionTag}.</li>
 * </ul>
 * A decision table's test cases ({@code dmn/tests/<key>.csv}) go with it: a table the release brings over an
 * approved one brings its shipped tests too. When a release meets models changed in production, the checks of a
 * proposal run on what it deploys and the log names what does not fit. Everything it deploys goes into one
 * deployment (with the forms and processes that complete it); the audit trail records what was deployed and what
 * was kept.
 */
@Component
class ShippedModels implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(ShippedModels.class);
  static final List<String> PATTERNS = List.of("classpath*:processes/*.bpmn", "classpath*:dmn/*.dmn",
      "classpath*:forms/*.form", "classpath*:dmn/tests/*.csv");

  /** What a start-up did with each file. */
  record Report(List<String> deployed, List<String> adopted, List<String> unchanged, Map<String, String> kept,
      String deploymentId) {
  }

  private final ModelChangeMapper mapper;
  private final ModelsInForce inForce;
  private final ModelDeployer deployer;
  private final ModelChecks checks;
  private final RepositoryService repositoryService;
  private final EngineAccess engineAccess;
  private final AuditTrail auditTrail;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final boolean enabled;

  ShippedModels(ModelChangeMapper mapper, ModelsInForce inForce, ModelDeployer deployer, ModelChecks checks,
      RepositoryService repositoryService, EngineAccess engineAccess, AuditTrail auditTrail,
      TransactionTemplate transactions, Clock clock,
      @Value("${openpmo.model-governance.deploy-shipped-models:true}") boolean enabled) {
    this.mapper = mapper;
    this.inForce = inForce;
    this.deployer = deployer;
    this.checks = checks;
    this.repositoryService = repositoryService;
    this.engineAccess = engineAccess;
    this.auditTrail = auditTrail;
    this.transactions = transactions;
    this.clock = clock;
    this.enabled = enabled;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (enabled) {
      reconcile(scan());
    }
  }

  /** The models in the application's classpath. */
  static List<ModelFile> scan() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    Map<String, ModelFile> files = new TreeMap<>();
    try {
      for (String pattern : PATTERNS) {
        for (org.springframework.core.io.Resource resource : resolver.getResources(pattern)) {
          var name = ModelFile.canonicalName(resource.getFilename());
          if (name.isPresent() && !files.containsKey(name.get())) {
            try (InputStream in = resource.getInputStream()) {
              files.put(name.get(), ModelFile.of(name.get(), in.readAllBytes()));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the shipped models", e);
    }
    return new ArrayList<>(files.values());
  }

  /** Brings the shipped models into force where they may (see the class comment), in one transaction. */
  Report reconcile(List<ModelFile> shipped) {
    return transactions.execute(status -> doReconcile(shipped));
  }

  private Report doReconcile(List<ModelFile> shipped) {
    Map<String, ModelVersion> current = inForce.current();
    Map<String, ModelChangeMapper.Shipped> lastShipped = new HashMap<>();
    mapper.shipped().forEach(s -> lastShipped.put(s.fileName(), s));
    Map<String, EngineResource> engineResources = current.isEmpty() ? engineResources() : Map.of();
    List<ModelFile> toDeploy = new ArrayList<>();
    List<String> adopted = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    Map<String, String> kept = new LinkedHashMap<>();
    for (ModelFile file : shipped) {
      ModelVersion now = current.get(file.name());
      ModelChangeMapper.Shipped seen = lastShipped.get(file.name());
      if (now == null) {
        EngineResource existing = engineResources.get(file.baseName());
        if (existing != null && existing.sha256().equals(file.sha256()) && file.kind().deployed()) {
          deployer.recordDeployed(file, ModelVersion.ADOPTED, null, existing.deploymentId());
          adopted.add(file.name());
        } else {
          toDeploy.add(file);
        }
      } else if (now.sha256().equals(file.sha256())) {
        unchanged.add(file.name());
      } else if (!now.governed()) {
        toDeploy.add(file);
      } else {
        String shippedTag = ModelDeployer.versionTag(file);
        boolean releaseChangedIt = seen == null || !seen.sha256().equals(file.sha256());
        if (releaseChangedIt && VersionTags.isNewer(shippedTag, now.versionTag())) {
          toDeploy.add(file);
          LOG.info("Deploys the shipped {} (version tag {}) over the approved version {} (version tag {}): the release"
              + " declares it newer", file.name(), shippedTag, approval(now), tag(now.versionTag()));
        } else {
          String why = releaseChangedIt
              ? "the release changed the file but does not declare a higher camunda:versionTag than the approved "
                  + "version (" + tag(now.versionTag()) + ")"
              : "the shipped file is the one the approved change replaced";
          kept.put(file.name(), approval(now) + ": " + why);
          if (releaseChangedIt) {
            LOG.warn("Keeps the approved version of {} ({}); {}. Export the approved change into the repository, or"
                + " raise the versionTag of the shipped file to deploy it", file.name(), approval(now), why);
          } else {
            LOG.info("Keeps the approved version of {} ({}): {}", file.name(), approval(now), why);
          }
        }
      }
      remember(file, seen);
    }
    // test cases go with their decision table: a table the release brings over an approved one brings its tests
    for (ModelFile file : List.copyOf(toDeploy)) {
      if (file.kind() == ModelKind.DECISION) {
        for (String key : decisionKeys(file)) {
          shipped.stream().filter(t -> t.name().equals(ModelKind.TEST.folder() + "/" + key + ".csv"))
              .filter(t -> !toDeploy.contains(t) && kept.containsKey(t.name())).findFirst().ifPresent(t -> {
                toDeploy.add(t);
                kept.remove(t.name());
                LOG.info("Deploys the shipped {} with its decision table {}", t.name(), file.name());
              });
        }
      }
    }
    if (!toDeploy.isEmpty() && !current.isEmpty()) {
      // a release over models changed in production: say what does not fit (the release's own tests cover it alone)
      checks.check(toDeploy, inForce.currentFiles()).forEach(problem -> LOG.warn("Shipped model does not fit the"
          + " models in force: {}", problem.describe()));
    }
    String deploymentId = null;
    if (!toDeploy.isEmpty()) {
      ModelDeployer.Deployed deployed = deployer.deploy(toDeploy, ModelVersion.SHIPPED, null,
          "OpenPMO shipped models " + OffsetDateTime.now(clock).toLocalDate());
      deploymentId = deployed.deploymentId();
      LOG.info("Deployed {} shipped model(s) in deployment {}: {}{}", toDeploy.size(), deploymentId,
          toDeploy.stream().map(ModelFile::name).toList(), deployed.addedForCompleteness().isEmpty() ? ""
              : " (with " + deployed.addedForCompleteness() + " to complete it)");
    }
    if (!adopted.isEmpty()) {
      LOG.info("Adopted {} model(s) the engine already had: {}", adopted.size(), adopted);
    }
    Report report = new Report(toDeploy.stream().map(ModelFile::name).toList(), adopted, unchanged, kept,
        deploymentId);
    if (!toDeploy.isEmpty() || !kept.isEmpty() || !adopted.isEmpty()) {
      Map<String, Object> details = new LinkedHashMap<>();
      // the hashes of every version are in model_version; the event names the files
      details.put("deployed", toDeploy.stream().map(ModelFile::name).toList());
      details.put("deploymentId", String.valueOf(deploymentId));
      details.put("adopted", adopted);
      details.put("keptApproved", kept);
      auditTrail.record(CurrentUser.SYSTEM, "SHIPPED_MODELS_RECONCILED", null, null, details);
    }
    return report;
  }

  private void remember(ModelFile file, ModelChangeMapper.Shipped seen) {
    ModelChangeMapper.Shipped now = new ModelChangeMapper.Shipped(file.name(), file.sha256(),
        ModelDeployer.versionTag(file), OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
    if (seen == null) {
      mapper.insertShipped(now);
    } else if (!seen.sha256().equals(file.sha256())) {
      mapper.updateShipped(now);
    }
  }

  private static String tag(String versionTag) {
    return versionTag == null ? "none" : versionTag;
  }

  private static List<String> decisionKeys(ModelFile dmn) {
    try {
      return List.copyOf(DmnFacts.of(dmn.content()).decisions.keySet());
    } catch (Exception unreadable) {
      return List.of();
    }
  }

  private static String approval(ModelVersion version) {
    return (version.modelChangeId() == null ? version.origin() : ModelChange.code(version.modelChangeId()))
        + (version.versionTag() == null ? "" : ", version tag " + version.versionTag());
  }

  private record EngineResource(String deploymentId, String sha256) {
  }

  /** The newest version of every resource the engine has, by file name (first start under governance only). */
  private Map<String, EngineResource> engineResources() {
    return engineAccess.asSystem(() -> {
      Map<String, EngineResource> found = new HashMap<>();
      for (Deployment deployment : repositoryService.createDeploymentQuery().orderByDeploymentTime().desc().list()) {
        for (Resource resource : repositoryService.getDeploymentResources(deployment.getId())) {
          String base = ModelFile.baseName(resource.getName());
          if (!found.containsKey(base)) {
            try (InputStream in = repositoryService.getResourceAsStreamById(deployment.getId(), resource.getId())) {
              found.put(base, new EngineResource(deployment.getId(), ModelFile.sha256(in.readAllBytes())));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        }
      }
      return found;
    });
  }
}
