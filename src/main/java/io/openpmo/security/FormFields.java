package io.openpmo.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The fields a Camunda Form declares: the keys of its components (and the paths of groups and dynamic
 * lists), read from the form deployed for a task or a start event, with the label each field shows. What a
 * person may submit is exactly what the form in front of them asks for; what is wrong with it is said with the
 * labels they read.
 */
final class FormFields {

  private static final ObjectMapper JSON = new ObjectMapper();

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
    return context.runWithoutAuthorization(() -> {
      try (InputStream form = new GetDeployedTaskFormCmd(taskId).execute(context)) {
        return read(form);
      } catch (BadUserRequestException noForm) {
        return Form.NONE;
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read the form of task " + taskId, e);
      }
    });
  }

  static Form formOfStart(CommandContext context, String processDefinitionId) {
    return context.runWithoutAuthorization(() -> {
      try (InputStream form = new GetDeployedStartFormCmd(processDefinitionId).execute(context)) {
        return read(form);
      } catch (BadUserRequestException noForm) {
        return Form.NONE;
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read the start form of " + processDefinitionId, e);
      }
    });
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
