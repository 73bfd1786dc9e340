package io.openpmo.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The fields a Camunda Form declares: the keys of its components (and the paths of groups and dynamic
 * lists), read from the form deployed for a task or a start event. What a person may submit is exactly
 * what the form in front of them asks for.
 */
final class FormFields {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Set<String> ofTask(CommandContext context, String taskId) {
    return context.runWithoutAuthorization(() -> {
      try (InputStream form = new GetDeployedTaskFormCmd(taskId).execute(context)) {
        return parse(form);
      } catch (BadUserRequestException noForm) {
        return Set.<String>of();
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read the form of task " + taskId, e);
      }
    });
  }

  static Set<String> ofStart(CommandContext context, String processDefinitionId) {
    return context.runWithoutAuthorization(() -> {
      try (InputStream form = new GetDeployedStartFormCmd(processDefinitionId).execute(context)) {
        return parse(form);
      } catch (BadUserRequestException noForm) {
        return Set.<String>of();
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read the start form of " + processDefinitionId, e);
      }
    });
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
