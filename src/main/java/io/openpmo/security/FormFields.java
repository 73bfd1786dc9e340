package io.openpmo.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * lists), read from the form deployed for a task or a start event, with the label each field shows. What a
 * person may submit is exactly what the form in front of them asks for; what is wrong with it is said with the
 * labels they read.
 *
 * <p>The engine resolves which deployed form a task or start event shows (its form reference and binding, so a newly
 * deployed form version counts at once); each deployed form resource is parsed once and kept by deployment and
 * resource name, which never change once deployed.
 */
final class FormFields {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Forms by deployment id and resource name; deployments are few, the bound only guards against surprises. */
  private static final Map<String, Form> PARSED = new ConcurrentHashMap<>();
  static final int MAX_CACHED = 1_000;

  /** A deployed form: its field keys and the label of each (a date's label for a date field). */
  record Form(Set<String> keys, Map<String, String> labels) {
    static final Form NONE = new Form(Set.of(), Map.of());
  }

  static Set<String> ofTask(CommandContext context, String taskId) {
    return formOfTask(context, taskId).keys();
  }

  static Set<String> ofStart(CommandContext context, String processDefinitionId) {
    return formOfStart(context, processDefinitionId).keys();
  }

  static Form formOfTask(CommandContext context, String taskId) {
    TaskForm command = new TaskForm(taskId);
    return context.runWithoutAuthorization(() -> form(context, command, command.form, "task " + taskId));
  }

  static Form formOfStart(CommandContext context, String processDefinitionId) {
    StartForm command = new StartForm(processDefinitionId);
    return context.runWithoutAuthorization(() -> form(context, command, command.form,
        "the start form of " + processDefinitionId));
  }

  private static Form form(CommandContext context, AbstractGetDeployedFormCmd command, Resolved resolved,
      String what) {
    try (InputStream unused = command.execute(context)) {
      return resolved.form;
    } catch (BadUserRequestException noForm) {
      return Form.NONE;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the form of " + what, e);
    }
  }

  /** The deployed form resource, from the cache or read and parsed once. */
  private static Form parsed(String deploymentId, String resourceName, Supplier<InputStream> resource) {
    String key = deploymentId + "/" + resourceName;
    Form form = PARSED.get(key);
    if (form == null) {
      try (InputStream content = resource.get()) {
        Form read = read(content);
        form = new Form(Collections.unmodifiableSet(read.keys()), Collections.unmodifiableMap(read.labels()));
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read the form " + resourceName + " of deployment " + deploymentId, e);
      }
      if (PARSED.size() >= MAX_CACHED) {
        PARSED.clear();
      }
      PARSED.put(key, form);
    }
    return form;
  }

  /** What the engine's form command resolved, filled in when it asks for the deployed resource. */
  private static final class Resolved {
    Form form = Form.NONE;
  }

  private static final class TaskForm extends GetDeployedTaskFormCmd {
    final Resolved form = new Resolved();

    TaskForm(String taskId) {
      super(taskId);
    }

    @Override
    protected InputStream getDeploymentResource(String deploymentId, String resourceName) {
      form.form = parsed(deploymentId, resourceName, () -> super.getDeploymentResource(deploymentId, resourceName));
      return InputStream.nullInputStream();
    }
  }

  private static final class StartForm extends GetDeployedStartFormCmd {
    final Resolved form = new Resolved();

    StartForm(String processDefinitionId) {
      super(processDefinitionId);
    }

    @Override
    protected InputStream getDeploymentResource(String deploymentId, String resourceName) {
      form.form = parsed(deploymentId, resourceName, () -> super.getDeploymentResource(deploymentId, resourceName));
      return InputStream.nullInputStream();
    }
  }

  static Set<String> parse(InputStream form) throws IOException {
    return read(form).keys();
  }

  static Form read(InputStream form) throws IOException {
    Set<String> keys = new LinkedHashSet<>();
    Map<String, String> labels = new LinkedHashMap<>();
    collect(JSON.readTree(form), keys, labels);
    return new Form(keys, labels);
  }

  private static void collect(JsonNode node, Set<String> keys, Map<String, String> labels) {
    JsonNode components = node.path("components");
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        String key = component.get("key").asText();
        keys.add(key);
        String label = component.path("label").asText(component.path("dateLabel").asText(""));
        if (!label.isBlank()) {
          labels.put(key, label.strip());
        }
      }
      if (component.hasNonNull("path")) {
        keys.add(component.get("path").asText());
      }
      collect(component, keys, labels);
    }
  }

  private FormFields() {
  }
}
