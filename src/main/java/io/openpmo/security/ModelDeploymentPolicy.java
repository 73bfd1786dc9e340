package io.openpmo.security;

import java.util.Map;

/**
 * How deployments through the engine's surfaces are governed, for {@link GovernanceCommandGuard}: the model change
 * process implements it. Resource maps are keyed by the names the caller gave (Camunda Modeler sends bare file
 * names).
 */
public interface ModelDeploymentPolicy {

  /** What became of a deployment a process owner sent: a proposal (accepted) or a refusal, in words. */
  record Outcome(boolean accepted, String message) {
  }

  /**
   * A process owner deploys: the files become a proposal for review, nothing is deployed. Accepted: the answer
   * names the proposal and what happens next; refused: which checks failed, by file, element and line.
   */
  Outcome propose(String deploymentName, String source, Map<String, byte[]> resources);

  /**
   * camunda-admin deploys directly (emergency): refuses what a proposal's checks would refuse (throws a
   * {@code BadUserRequestException}), and answers the resources to add so that the deployment is complete (the
   * forms its processes bind to, which must be deployed with them).
   */
  Map<String, byte[]> prepareEmergency(Map<String, byte[]> resources);

  /** Puts an emergency deployment on record (in the deployment's transaction): who, what, the content hashes. */
  void recordEmergency(String deploymentId, String deploymentName, Map<String, byte[]> resources);

  /** Why models of this deployment are in force (a sentence), or null when none is. */
  String inForce(String deploymentId);
}
