package io.openpmo.security;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByKeyCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionTableCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Resource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The engine surface allows only what the processes intend, whatever the HTTP surface (engine REST API,
 * the webapps' API) and whatever the caller's grants:
 * <ul>
 *   <li>A task is completed only with the fields its form declares, as plain values, and they are kept
 *       local to the task (they vanish with it): a completion cannot set or overwrite a process variable.
 *       This holds for every caller, our own code included.</li>
 *   <li>A process is started by a caller only at its start event, with the fields of its start form.</li>
 *   <li>Starting part-way, skipping listeners or input/output mappings, instance modification, restart,
 *       migration, deletion, messages and signals, job and suspension controls, history deletion, and
 *       changes to who may hold a task (identity links, delegation, ownership) are for camunda-admin only.</li>
 *   <li>Variables are never written through the variable endpoints, not even by an administrator: the
 *       processes own them.</li>
 *   <li>Models are governed ({@link ModelDeploymentPolicy}): a process owner's deployment through an engine surface
 *       (Camunda Modeler's deploy button) becomes a proposal for a second person to approve, and nothing is
 *       deployed; camunda-admin deploys directly in an emergency, after the same checks, on the record.</li>
 *   <li>A deployment, or a process definition, whose processes ran or whose decisions decided anything is never
 *       deleted, whoever asks (the engine would take the history with it); nor is a deployment whose models are
 *       in force.</li>
 * </ul>
 * Only the outermost command of a request to an engine surface ({@link EngineSurface}) is the caller's; the
 * commands the engine and our listeners run inside it are not checked again.
 */
class GovernanceCommandGuard extends CommandInterceptor {

  static final String ADMIN_ONLY_MESSAGE = "is reserved to camunda-admin";

  /** Commands that change a process's path, who may hold a task, or the record of what happened. */
  static final Set<String> ADMIN_ONLY = Set.of(
      "org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd",
      "org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd",
      "org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd",
      "org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd",
      "org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd",
      "org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd",
      "org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd",
      "org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd",
      "org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd",
      "org.camunda.bpm.engine.impl.cmd.SetProcessDefinitionVersionCmd",
      "org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCmd",
      "org.camunda.bpm.engine.impl.cmd.DeleteProcessInstancesCmd",
      "org.camunda.bpm.engine.impl.cmd.batch.DeleteProcessInstanceBatchCmd",
      "org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd",
      "org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByKeyCmd",
      "org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd",
      "org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd",
      "org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd",
      "org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd",
      "org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd",
      "org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd",
      "org.camunda.bpm.engine.impl.cmd.SignalCmd",
      "org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd",
      "org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd",
      "org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd",
      "org.camunda.bpm.engine.impl.cmd.SetJobsRetriesBatchCmd",
      "org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd",
      "org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd",
      "org.camunda.bpm.engine.impl.cmd.DeleteJobCmd",
      "org.camunda.bpm.engine.impl.cmd.SuspendProcessInstanceCmd",
      "org.camunda.bpm.engine.impl.cmd.ActivateProcessInstanceCmd",
      "org.camunda.bpm.engine.impl.cmd.UpdateProcessInstancesSuspendStateCmd",
      "org.camunda.bpm.engine.impl.cmd.UpdateProcessInstancesSuspendStateBatchCmd",
      "org.camunda.bpm.engine.impl.cmd.SuspendProcessDefinitionCmd",
      "org.camunda.bpm.engine.impl.cmd.ActivateProcessDefinitionCmd",
      "org.camunda.bpm.engine.impl.cmd.SuspendJobDefinitionCmd",
      "org.camunda.bpm.engine.impl.cmd.ActivateJobDefinitionCmd",
      "org.camunda.bpm.engine.impl.cmd.SuspendJobCmd",
      "org.camunda.bpm.engine.impl.cmd.ActivateJobCmd",
      "org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd",
      "org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd",
      "org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd",
      "org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd",
      "org.camunda.bpm.engine.impl.cmd.AddUserIdentityLinkCmd",
      "org.camunda.bpm.engine.impl.cmd.AddGroupIdentityLinkCmd",
      "org.camunda.bpm.engine.impl.cmd.DeleteUserIdentityLinkCmd",
      "org.camunda.bpm.engine.impl.cmd.DeleteGroupIdentityLinkCmd",
      "org.camunda.bpm.engine.impl.cmd.SaveTaskCmd",
      "org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd",
      "org.camunda.bpm.engine.impl.cmd.CreateIncidentCmd",
      "org.camunda.bpm.engine.impl.cmd.ResolveIncidentCmd",
      "org.camunda.bpm.engine.impl.cmd.UpdateProcessDefinitionHistoryTimeToLiveCmd",
      "org.camunda.bpm.engine.impl.cmd.UpdateDecisionDefinitionHistoryTimeToLiveCmd",
      "org.camunda.bpm.engine.impl.cmd.DeleteHistoricProcessInstancesCmd",
      "org.camunda.bpm.engine.impl.cmd.batch.DeleteHistoricProcessInstancesBatchCmd",
      "org.camunda.bpm.engine.impl.cmd.DeleteHistoricTaskInstanceCmd",
      "org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstanceCmd",
      "org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstancesByProcessInstanceIdCmd",
      "org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstancesBulkCmd",
      "org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstancesBatchCmd",
      "org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstanceByInstanceIdCmd",
      "org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstanceByDefinitionIdCmd",
      "org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricProcessInstancesCmd",
      "org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricDecisionInstancesCmd",
      "org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricBatchesCmd",
      "org.camunda.bpm.engine.impl.cmd.DeleteUserOperationLogEntryCmd",
      "org.camunda.bpm.engine.impl.cmd.HistoryCleanupCmd",
      "org.camunda.bpm.engine.impl.cmd.FetchExternalTasksCmd",
      "org.camunda.bpm.engine.impl.cmd.CompleteExternalTaskCmd",
      "org.camunda.bpm.engine.impl.cmd.HandleExternalTaskFailureCmd",
      "org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd");

  /** Commands that write variables: the processes own their variables. */
  static final Set<String> VARIABLE_WRITES = Set.of(
      "org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd",
      "org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd",
      "org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd",
      "org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd",
      "org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd",
      "org.camunda.bpm.engine.impl.cmd.RemoveExecutionVariablesCmd",
      "org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd");

  static final int MAX_COMMENT = 4000;

  private static final Field COMPLETE_TASK_ID = field(CompleteTaskCmd.class, "taskId");
  private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");
  private static final Field COMPLETE_RETURN = field(CompleteTaskCmd.class, "returnVariables");
  private static final Field COMPLETE_DESERIALIZE = field(CompleteTaskCmd.class, "deserializeReturnedVariables");
  private static final Field SUBMIT_TASK_ID = field(SubmitTaskFormCmd.class, "taskId");
  private static final Field SUBMIT_PROPERTIES = field(SubmitTaskFormCmd.class, "properties");
  private static final Field SUBMIT_RETURN = field(SubmitTaskFormCmd.class, "returnVariables");
  private static final Field SUBMIT_DESERIALIZE = field(SubmitTaskFormCmd.class, "deserializeValues");
  private static final Field START_BUILDER = field(StartProcessInstanceCmd.class, "instantiationBuilder");
  private static final Field START_FORM_DEFINITION = field(SubmitStartFormCmd.class, "processDefinitionId");
  private static final Field START_FORM_BUSINESS_KEY = field(SubmitStartFormCmd.class, "businessKey");
  private static final Field START_FORM_VARIABLES = field(SubmitStartFormCmd.class, "variables");
  private static final Field IDENTITY_LINK_TASK = field(AbstractSetTaskPropertyCmd.class, "taskId");
  private static final Field IDENTITY_LINK_USER = field(AbstractAddIdentityLinkCmd.class, "userId");
  private static final Field CLAIM_TASK = field(ClaimTaskCmd.class, "taskId");
  private static final Field CLAIM_USER = field(ClaimTaskCmd.class, "userId");
  private static final Field EVALUATED_VARIABLES = field(EvaluateDecisionCmd.class, "variables");
  private static final Field EVALUATED_TABLE_VARIABLES = field(EvaluateDecisionTableCmd.class, "variables");
  private static final Field COMMENT_MESSAGE = field(AddCommentCmd.class, "message");
  private static final Field DEPLOY_BUILDER = field(DeployCmd.class, "deploymentBuilder");
  private static final Field DUPLICATE_FILTER = field(DeploymentBuilderImpl.class, "isDuplicateFilterEnabled");
  private static final Field DEPLOY_CHANGED_ONLY = field(DeploymentBuilderImpl.class, "deployChangedOnly");
  private static final Field DELETED_DEPLOYMENT = field(DeleteDeploymentCmd.class, "deploymentId");
  private static final Field DELETED_DEFINITION_IDS = field(DeleteProcessDefinitionsByIdsCmd.class,
      "processDefinitionIds");
  private static final Field DELETED_DEFINITION_KEY = field(DeleteProcessDefinitionsByKeyCmd.class,
      "processDefinitionKey");
  private static final Field UPDATED_COMMENT_MESSAGE = field(UpdateCommentCmd.class, "message");

  static {
    // fail closed: a renamed engine command must not slip past the guard silently
    Stream.concat(ADMIN_ONLY.stream(), VARIABLE_WRITES.stream()).forEach(name -> {
      try {
        Class.forName(name, false, GovernanceCommandGuard.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("Cannot guard " + name + ": the engine changed", e);
      }
    });
  }

  private final IdentityService identityService;
  private final RepositoryService repositoryService;
  private final Supplier<ModelDeploymentPolicy> models;
  private final Supplier<AssignmentCheck> assignmentCheck;

  GovernanceCommandGuard(IdentityService identityService, RepositoryService repositoryService,
      Supplier<ModelDeploymentPolicy> models, Supplier<AssignmentCheck> assignmentCheck) {
    this.identityService = identityService;
    this.repositoryService = repositoryService;
    this.models = models;
    this.assignmentCheck = assignmentCheck;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T execute(Command<T> command) {
    if (Context.getCommandContext() != null) {
      return next.execute(command);
    }
    boolean exposed = EngineSurface.isExposed();
    if (command instanceof SubmitTaskFormCmd submit) {
      return next.execute(taskSubmission(submit));
    }
    if (command instanceof CompleteTaskCmd complete) {
      return next.execute(taskCompletion(complete));
    }
    if (command instanceof DeleteDeploymentCmd || command instanceof DeleteProcessDefinitionsByIdsCmd
        || command instanceof DeleteProcessDefinitionsByKeyCmd) {
      if (exposed && !isAdmin()) {
        throw new AuthorizationException(describe(command) + " " + ADMIN_ONLY_MESSAGE);
      }
      return next.execute(onlyUnused(command));
    }
    if (!exposed) {
      return next.execute(command);
    }
    if (command instanceof DeployCmd deploy) {
      return deployment(deploy);
    }
    String name = command.getClass().getName();
    if (VARIABLE_WRITES.contains(name)) {
      throw new AuthorizationException("Variables are set by the processes from the forms people submit; the"
          + " variable endpoints are closed (" + command.getClass().getSimpleName() + ")");
    }
    if (ADMIN_ONLY.contains(name) && !isAdmin()) {
      throw new AuthorizationException(describe(command) + " " + ADMIN_ONLY_MESSAGE);
    }
    if (command instanceof StartProcessInstanceCmd start) {
      return next.execute(checkedStart(start));
    }
    if (command instanceof SubmitStartFormCmd submit) {
      return next.execute(checkedStartForm(submit));
    }
    if (command instanceof AssignTaskCmd assign && read(IDENTITY_LINK_USER, assign) == null) {
      // Tasklist's "unclaim": giving a task back needs no more than working on it
      return (T) next.execute(new ClaimTaskCmd((String) read(IDENTITY_LINK_TASK, assign), null));
    }
    if (command instanceof ClaimTaskCmd claim && read(CLAIM_USER, claim) != null) {
      // our rules first: a refusal says why in one sentence, not which engine permission is missing
      String taskId = (String) read(CLAIM_TASK, claim);
      String user = (String) read(CLAIM_USER, claim);
      Command<T> checked = context -> {
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task != null && !user.equals(task.getAssignee())) {
          assignmentCheck.get().check(taskId, task.getName(), user);
        }
        return (T) claim.execute(context);
      };
      return next.execute(checked);
    }
    if (command instanceof EvaluateDecisionCmd) {
      SubmittedVariables.checkValues((Map<String, ?>) read(EVALUATED_VARIABLES, command));
    } else if (command instanceof EvaluateDecisionTableCmd) {
      SubmittedVariables.checkValues((Map<String, ?>) read(EVALUATED_TABLE_VARIABLES, command));
    }
    if (command instanceof AddCommentCmd) {
      checkComment((String) read(COMMENT_MESSAGE, command));
    } else if (command instanceof UpdateCommentCmd) {
      checkComment((String) read(UPDATED_COMMENT_MESSAGE, command));
    }
    return next.execute(command);
  }

  /**
   * A deployment through an engine surface. camunda-admin deploys at once (the emergency path), after the checks a
   * proposal passes and with the forms its processes need; the deployment is put on record. A process owner's
   * deployment (Camunda Modeler's deploy button) becomes a proposal instead: the answer says what happens next
   * and nothing is deployed. Anybody else meets the engine's authorization check (no grant to deploy).
   */
  @SuppressWarnings("unchecked")
  private <T> T deployment(DeployCmd deploy) {
    ModelDeploymentPolicy policy = models.get();
    if (policy == null) {
      return (T) next.execute(deploy);
    }
    DeploymentBuilderImpl builder = (DeploymentBuilderImpl) read(DEPLOY_BUILDER, deploy);
    if (isAdmin()) {
      Map<String, byte[]> resources = resources(builder);
      Map<String, byte[]> added = policy.prepareEmergency(resources);
      added.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
      // an emergency deployment deploys what it says, also when an identical deployment exists
      write(DUPLICATE_FILTER, builder, false);
      write(DEPLOY_CHANGED_ONLY, builder, false);
      Map<String, byte[]> deployed = new LinkedHashMap<>(resources);
      deployed.putAll(added);
      return (T) next.execute(context -> {
        DeploymentWithDefinitions result = deploy.execute(context);
        policy.recordEmergency(result.getId(), builder.getDeployment().getName(), deployed);
        return result;
      });
    }
    if (isInGroup(Groups.PROCESS_OWNERS)) {
      Map<String, byte[]> resources = resources(builder);
      // the proposal (and the process that checks it) is our code's work: it runs inside a command of its own and
      // commits, whatever the answer to the caller
      ModelDeploymentPolicy.Outcome outcome = next.execute(context -> policy.propose(builder.getDeployment().getName(),
          builder.getDeployment().getSource(), resources));
      if (outcome.accepted()) {
        throw new AuthorizationException(outcome.message());
      }
      throw new BadUserRequestException(outcome.message());
    }
    return (T) next.execute(deploy);
  }

  /** The files a deployment request carries, with those it names from earlier deployments (a redeploy). */
  private Map<String, byte[]> resources(DeploymentBuilderImpl builder) {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    if (builder.getDeployment().getResources() != null) {
      for (ResourceEntity resource : builder.getDeployment().getResources().values()) {
        resources.put(resource.getName(), resource.getBytes());
      }
    }
    for (String deploymentId : builder.getDeployments()) {
      for (Resource resource : repositoryService.getDeploymentResources(deploymentId)) {
        resources.putIfAbsent(resource.getName(), bytes(deploymentId, resource.getId()));
      }
    }
    builder.getDeploymentResourcesById().forEach((deploymentId, ids) -> {
      for (Resource resource : repositoryService.getDeploymentResources(deploymentId)) {
        if (ids.contains(resource.getId())) {
          resources.putIfAbsent(resource.getName(), bytes(deploymentId, resource.getId()));
        }
      }
    });
    builder.getDeploymentResourcesByName().forEach((deploymentId, names) -> {
      for (Resource resource : repositoryService.getDeploymentResources(deploymentId)) {
        if (names.contains(resource.getName())) {
          resources.putIfAbsent(resource.getName(), bytes(deploymentId, resource.getId()));
        }
      }
    });
    return resources;
  }

  private byte[] bytes(String deploymentId, String resourceId) {
    try (InputStream in = repositoryService.getResourceAsStreamById(deploymentId, resourceId)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read resource " + resourceId + " of deployment " + deploymentId, e);
    }
  }

  /**
   * Deleting a deployment or process definitions takes the history of what they ran with it (cascade) or strands
   * it: refused, whoever asks, when any process of theirs ran or any decision of theirs decided, or when a model
   * of the deployment is in force. Only what never ran may go.
   */
  @SuppressWarnings("unchecked")
  private <T> Command<T> onlyUnused(Command<T> delete) {
    return context -> {
      String refusal = context.runWithoutAuthorization(() -> {
        RepositoryService repository = context.getProcessEngineConfiguration().getRepositoryService();
        List<ProcessDefinition> processes;
        List<DecisionDefinition> decisions = List.of();
        String subject;
        String deploymentId = null;
        if (delete instanceof DeleteDeploymentCmd) {
          deploymentId = (String) read(DELETED_DEPLOYMENT, delete);
          subject = "Deployment " + deploymentId;
          processes = repository.createProcessDefinitionQuery().deploymentId(deploymentId).list();
          decisions = repository.createDecisionDefinitionQuery().deploymentId(deploymentId).list();
        } else if (delete instanceof DeleteProcessDefinitionsByIdsCmd) {
          Set<String> ids = (Set<String>) read(DELETED_DEFINITION_IDS, delete);
          subject = "Process definitions " + ids;
          processes = ids == null || ids.isEmpty() ? List.of()
              : repository.createProcessDefinitionQuery().processDefinitionIdIn(ids.toArray(String[]::new)).list();
        } else {
          String key = (String) read(DELETED_DEFINITION_KEY, delete);
          subject = "Process definition " + key;
          processes = key == null ? List.of() : repository.createProcessDefinitionQuery().processDefinitionKey(key).list();
        }
        var history = context.getProcessEngineConfiguration().getHistoryService();
        long ran = processes.stream()
            .mapToLong(p -> history.createHistoricProcessInstanceQuery().processDefinitionId(p.getId()).count()).sum();
        long decided = decisions.stream()
            .mapToLong(d -> history.createHistoricDecisionInstanceQuery().decisionDefinitionId(d.getId()).count()).sum();
        ModelDeploymentPolicy policy = models.get();
        String inForce = deploymentId == null || policy == null ? null : policy.inForce(deploymentId);
        if (ran == 0 && decided == 0 && inForce == null) {
          return null;
        }
        List<String> reasons = new java.util.ArrayList<>();
        if (ran > 0) {
          reasons.add("its processes ran " + ran + " instance(s)");
        }
        if (decided > 0) {
          reasons.add("its decisions decided " + decided + " time(s)");
        }
        if (inForce != null) {
          reasons.add(inForce);
        }
        return subject + " may not be deleted: " + String.join(", ", reasons) + ". Deleting it would destroy or"
            + " strand the record of what was decided. To stop using a model, propose its earlier version (a rollback)"
            + " or a new one.";
      });
      if (refusal != null) {
        throw new AuthorizationException(refusal);
      }
      return delete.execute(context);
    };
  }

  private static String describe(Command<?> command) {
    String simple = command.getClass().getSimpleName().replaceFirst("Cmd$", "");
    return switch (simple) {
      case "StartProcessInstanceAtActivities" -> "Starting a process anywhere but its start event, or skipping its"
          + " listeners or input/output mappings,";
      case "ModifyProcessInstance", "ModifyProcessInstanceAsync", "ProcessInstanceModification",
          "ProcessInstanceModificationBatch" -> "Process instance modification";
      case "RestartProcessInstances", "RestartProcessInstancesBatch" -> "Restarting a process instance";
      case "CorrelateMessage", "CorrelateAllMessage", "CorrelateAllMessageBatch", "MessageEventReceived" ->
          "Sending a message to a process";
      case "SignalEventReceived", "Signal" -> "Signalling a process";
      default -> simple.replaceAll("([a-z])([A-Z])", "$1 $2");
    };
  }

  /** A task form submission (Tasklist): the form's fields only, kept local to the task. */
  @SuppressWarnings("unchecked")
  private <T> Command<T> taskSubmission(SubmitTaskFormCmd submit) {
    String taskId = (String) read(SUBMIT_TASK_ID, submit);
    Map<String, Object> variables = (Map<String, Object>) read(SUBMIT_PROPERTIES, submit);
    boolean returnVariables = (boolean) read(SUBMIT_RETURN, submit);
    boolean deserialize = (boolean) read(SUBMIT_DESERIALIZE, submit);
    return context -> {
      FormFields.Form form = keepLocal(context, taskId, variables);
      try {
        return (T) new SubmitTaskFormCmd(taskId, Variables.createVariables(), returnVariables, deserialize)
            .execute(context);
      } catch (RuntimeException e) {
        throw forPeople(e, form);
      }
    };
  }

  /** A task completion (REST, Java): the same rules as a form submission. */
  @SuppressWarnings("unchecked")
  private <T> Command<T> taskCompletion(CompleteTaskCmd complete) {
    String taskId = (String) read(COMPLETE_TASK_ID, complete);
    Map<String, Object> variables = (Map<String, Object>) read(COMPLETE_VARIABLES, complete);
    boolean resolve = complete instanceof ResolveTaskCmd;
    boolean returnVariables = (boolean) read(COMPLETE_RETURN, complete);
    boolean deserialize = (boolean) read(COMPLETE_DESERIALIZE, complete);
    if ((variables == null || variables.isEmpty()) && !EngineSurface.isExposed()) {
      return (Command<T>) complete;
    }
    return context -> {
      FormFields.Form form = keepLocal(context, taskId, variables);
      try {
        return (T) (resolve ? new ResolveTaskCmd(taskId, null)
            : new CompleteTaskCmd(taskId, null, returnVariables, deserialize)).execute(context);
      } catch (RuntimeException e) {
        throw forPeople(e, form);
      }
    };
  }

  /** The form's fields, kept local to the task after checking them; the task's form (none for a missing task). */
  private static FormFields.Form keepLocal(CommandContext context, String taskId, Map<String, Object> variables) {
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      // the engine's own command answers for a task that does not exist (any more)
      return FormFields.Form.NONE;
    }
    FormFields.Form form = FormFields.formOfTask(context, taskId);
    if (variables == null || variables.isEmpty()) {
      return form;
    }
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkTaskWork(task);
    }
    SubmittedVariables.check(variables, form.keys(), "\"" + task.getName() + "\"");
    task.setVariablesLocal(variables);
    return form;
  }

  /**
   * On an engine surface, a form that breaks our field rules comes back as a bad request in words for people, with
   * the form's labels, raised inside the command so that the engine logs it as a client error (no stack trace);
   * our own API and code keep the {@code InvalidRequestException} with its field names.
   */
  private static RuntimeException forPeople(RuntimeException error, FormFields.Form form) {
    if (!EngineSurface.isExposed()) {
      return error;
    }
    BadUserRequestException translated = FormMessages.translate(error, form.labels());
    return translated != null ? translated : error;
  }

  @SuppressWarnings("unchecked")
  private <T> Command<T> checkedStart(StartProcessInstanceCmd start) {
    ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) read(START_BUILDER, start);
    if (builder.getCaseInstanceId() != null) {
      throw new BadUserRequestException("Invalid request: a process is not started in a case instance");
    }
    checkBusinessKey(builder.getBusinessKey());
    return context -> {
      ProcessDefinitionEntity definition = builder.getProcessDefinitionId() != null
          ? context.getProcessEngineConfiguration().getDeploymentCache()
              .findDeployedProcessDefinitionById(builder.getProcessDefinitionId())
          : context.getProcessEngineConfiguration().getDeploymentCache()
              .findDeployedLatestProcessDefinitionByKey(builder.getProcessDefinitionKey());
      FormFields.Form form = FormFields.formOfStart(context, definition.getId());
      SubmittedVariables.check(builder.getVariables(), form.keys(),
          "the start of \"" + (definition.getName() == null ? definition.getKey() : definition.getName()) + "\"");
      try {
        return (T) start.execute(context);
      } catch (RuntimeException e) {
        throw forPeople(e, form);
      }
    };
  }

  @SuppressWarnings("unchecked")
  private <T> Command<T> checkedStartForm(SubmitStartFormCmd submit) {
    String definitionId = (String) read(START_FORM_DEFINITION, submit);
    checkBusinessKey((String) read(START_FORM_BUSINESS_KEY, submit));
    Map<String, Object> variables = (Map<String, Object>) read(START_FORM_VARIABLES, submit);
    return context -> {
      ProcessDefinitionEntity definition = context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedProcessDefinitionById(definitionId);
      FormFields.Form form = FormFields.formOfStart(context, definitionId);
      SubmittedVariables.check(variables, form.keys(),
          "the start form of \"" + (definition.getName() == null ? definition.getKey() : definition.getName()) + "\"");
      try {
        return (T) submit.execute(context);
      } catch (RuntimeException e) {
        throw forPeople(e, form);
      }
    };
  }

  private static void checkBusinessKey(String businessKey) {
    if (businessKey != null && !businessKey.isBlank()) {
      throw new BadUserRequestException("Invalid request: the business key is the project's code, which the system"
          + " assigns; do not send one");
    }
  }

  private static void checkComment(String message) {
    if (message != null && message.length() > MAX_COMMENT) {
      throw new BadUserRequestException("Invalid request: a comment must be at most " + MAX_COMMENT + " characters");
    }
  }

  private boolean isAdmin() {
    return isInGroup(Groups.ADMIN);
  }

  private boolean isInGroup(String group) {
    Authentication authentication = identityService.getCurrentAuthentication();
    List<String> groups = authentication == null || authentication.getGroupIds() == null ? List.of()
        : authentication.getGroupIds();
    return groups.contains(group);
  }

  private static Field field(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Cannot guard " + type.getName() + "." + name + ": the engine changed", e);
    }
  }

  private static void write(Field field, Object target, Object value) {
    try {
      field.set(target, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot set " + field, e);
    }
  }

  private static Object read(Field field, Object target) {
    try {
      return field.get(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot inspect " + field, e);
    }
  }
}
