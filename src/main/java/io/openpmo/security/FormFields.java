package io.openpmo.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractGetDeployedFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The fields a Camunda Form declares: the keys of its components (and the paths of groups and dynamic
 * lists), read from the form deployed for a task or a start event. What a person may submit is exactly
 * what the form in front of them asks for.
 *
 * <p>The engine resolves which deployed form a task or start event shows (its form reference and binding, so a newly
 * deployed form version counts at once); the fields of each deployed form resource are parsed once and kept by
 * deployment and resource name, which never change once deployed.
 */
final class FormFields {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Fields by deployment id and resource name; deployments are few, the bound only guards against surprises. */
  private static final Map<String, Set<String>> PARSED = new ConcurrentHashMap<>();
  static final int MAX_CACHED = 1_000;

  static Set<String> ofTask(CommandContext context, String taskId) {
    TaskForm command = new TaskForm(taskId);
    return context.runWithoutAuthorization(() -> fields(context, command, command.fields, "task " + taskId));
  }

  static Set<String> ofStart(CommandContext context, String processDefinitionId) {
    StartForm command = new StartForm(processDefinitionId);
    return context.runWithoutAuthorization(() -> fields(context, command, command.fields,
        "the start form of " + processDefinitionId));
  }

  private static Set<String> fields(CommandContext context, AbstractGetDeployedFormCmd command, Resolved resolved,
      String what) {
    try (InputStream unused = command.execute(context)) {
      return resolved.fields;
    } catch (BadUserRequestException noForm) {
      return Set.<String>of();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the form of " + what, e);
    }
  }

  /** The fields of the deployed form resource, from the cache or read and parsed once. */
  private static Set<String> parsed(String deploymentId, String resourceName, Supplier<InputStream> resource) {
    String key = deploymentId + "/" + resourceName;
    Set<String> fields = PARSED.get(key);
    if (fields == null) {
      try (InputStream form = resource.get()) {
        fields = Collections.unmodifiableSet(parse(form));
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read the form " + resourceName + " of deployment " + deploymentId, e);
      }
      if (PARSED.size() >= MAX_CACHED) {
        PARSED.clear();
      }
      PARSED.put(key, fields);
    }
    return fields;
  }

  /** What the engine's form command resolved, filled in when it asks for the deployed resource. */
  private static final class Resolved {
    Set<String> fields = Set.of();
  }

  private static final class TaskForm extends GetDeployedTaskFormCmd {
    final Resolved fields = new Resolved();

    TaskForm(String taskId) {
      super(taskId);
    }

    @Override
    protected InputStream getDeploymentResource(String deploymentId, String resourceName) {
      fields.fields = parsed(deploymentId, resourceName, () -> super.getDeploymentResource(deploymentId, resourceName));
      return InputStream.nullInputStream();
    }
  }

  private static final class StartForm extends GetDeployedStartFormCmd {
    final Resolved fields = new Resolved();

    StartForm(String processDefinitionId) {
      super(processDefinitionId);
    }

    @Override
    protected InputStream getDeploymentResource(String deploymentId, String resourceName) {
      fields.fields = parsed(deploymentId, resourceName, () -> super.getDeploymentResource(deploymentId, resourceName));
      return InputStream.nullInputStream();
    }
  }

  static Set<String> parse(InputStream form) throws IOException {
    Set<String> keys = new LinkedHashSet<>();
    collect(JSON.readTree(form), keys);
    return keys;
  }

  private static void collect(JsonNode node, Set<String> keys) {
    JsonNode components = node.path("components");
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      if (component.hasNonNull("path")) {
        keys.add(component.get("path").asText());
      }
      collect(component, keys);
    }
  }

  private FormFields() {
  }
}
