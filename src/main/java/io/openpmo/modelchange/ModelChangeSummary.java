package io.openpmo.modelchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the reviewer of a model change reads in Tasklist (markdown for the form's text): why, which files, what the
 * checks found and what the simulation showed on past decisions and running processes. Also the simulation's
 * JSON, as stored.
 */
@Component
class ModelChangeSummary {

  private static final int SHOWN_DIFFERENCES = 25;

  private final ModelChangeMapper mapper;
  private final ObjectMapper json;

  ModelChangeSummary(ModelChangeMapper mapper, ObjectMapper objectMapper) {
    this.mapper = mapper;
    this.json = objectMapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }

  String toJson(ModelChangeSimulation.Simulation simulation) {
    try {
      return json.writeValueAsString(simulation);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The simulation cannot be written as JSON", e);
    }
  }

  ModelChangeSimulation.Simulation simulation(ModelChange change) {
    if (change.simulation() == null) {
      return null;
    }
    try {
      return json.readValue(change.simulation(), ModelChangeSimulation.Simulation.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The simulation of " + change.code() + " cannot be read", e);
    }
  }

  String markdown(ModelChange change) {
    StringBuilder md = new StringBuilder();
    md.append("### ").append(ModelChange.ROLLBACK.equals(change.kind()) ? "Rollback " : "Model change ")
        .append(change.code()).append("\n\nProposed by **").append(change.proposedBy()).append("** on ")
        .append(change.proposedAt().toLocalDate()).append(" (").append(channel(change.channel())).append(")");
    if (change.rollbackOf() != null) {
      md.append(", restores the versions in force before ").append(ModelChange.code(change.rollbackOf()));
    }
    md.append("\n\n**Why:** ").append(change.reason().replace('\n', ' ')).append("\n\n**Files** (SHA-256)\n\n");
    List<ModelChangeFile> files = mapper.findFiles(change.id());
    for (ModelChangeFile file : files) {
      md.append("- `").append(file.fileName()).append("` ").append(file.sha256(), 0, 12).append("…")
          .append(file.previousSha256() == null ? " (new file)" : " replaces " + file.previousSha256().substring(0, 12)
              + "…").append('\n');
    }
    List<CheckProblem> problems = mapper.findChecks(change.id());
    md.append("\n**Checks:** ");
    if (problems.isEmpty()) {
      md.append("all passed: the engine parses every file, no code in the models, FEEL compiles, UNIQUE tables"
          + " proven free of overlaps and single-result tables of gaps, every reference and the code's contract"
          + " hold, forms are valid, the decision test cases pass.\n");
    } else {
      md.append(problems.size()).append(" problem(s)\n\n");
      problems.forEach(p -> md.append("- ").append(p.describe().replace('\n', ' ')).append('\n'));
    }
    ModelChangeSimulation.Simulation simulation = simulation(change);
    if (simulation != null) {
      appendSimulation(md, simulation);
    }
    return md.toString();
  }

  private static void appendSimulation(StringBuilder md, ModelChangeSimulation.Simulation simulation) {
    if (!simulation.decisions().isEmpty()) {
      md.append("\n**Simulation on the last ").append(simulation.sampleSize()).append(" real decisions of each key**\n");
      for (ModelChangeSimulation.DecisionImpact d : simulation.decisions()) {
        md.append("\n- **").append(d.decision()).append("**: ").append(d.evaluated()).append(" past evaluation(s), ")
            .append(d.reproduced()).append(" reproduced on the version that made them; **").append(d.changed())
            .append(" would change**, for ").append(d.projectsAffected()).append(" project(s)");
        if (d.notEvaluable() > 0) {
          md.append("; ").append(d.notEvaluable()).append(" could not be evaluated");
        }
        md.append('\n');
        d.differences().stream().limit(SHOWN_DIFFERENCES).forEach(diff -> md.append("  - ").append(diff.project())
            .append(" (decided by v").append(diff.decidedByVersion()).append(" on ")
            .append(diff.evaluatedAt().toLocalDate()).append("): ").append(diff.from()).append(" → **")
            .append(diff.to()).append("**").append(diff.rulesNowFiring().isEmpty() ? ""
                : "; now fires " + String.join(", ", diff.rulesNowFiring()))
            .append(diff.rulesNoLongerFiring().isEmpty() ? ""
                : "; no longer fires " + String.join(", ", diff.rulesNoLongerFiring()))
            .append('\n'));
        if (d.differences().size() > SHOWN_DIFFERENCES) {
          md.append("  - … and ").append(d.differences().size() - SHOWN_DIFFERENCES)
              .append(" more (GET /api/v1/model-changes/{code})\n");
        }
        if (!d.rules().isEmpty()) {
          md.append("  - Rules that cause it: ").append(d.rules().stream().map(r -> r.ruleId()
              + (r.description() == null ? "" : " (" + r.description() + ")")
              + (r.nowFires() > 0 ? " now fires " + r.nowFires() + "×" : "")
              + (r.noLongerFires() > 0 ? " no longer fires " + r.noLongerFires() + "×" : ""))
              .collect(Collectors.joining("; "))).append('\n');
        }
        d.notes().forEach(note -> md.append("  - ").append(note).append('\n'));
      }
    }
    if (!simulation.processes().isEmpty()) {
      md.append("\n**Processes deployed anew**\n");
      for (ModelChangeSimulation.ProcessImpact p : simulation.processes()) {
        md.append("\n- **").append(p.process()).append("** (").append(p.why()).append("): ");
        if (!p.running().isEmpty()) {
          md.append(p.running().stream().map(r -> r.instances() + " on v" + r.version()
              + (r.businessKeys().isEmpty() ? "" : " (" + String.join(", ", r.businessKeys()) + ")"))
              .collect(Collectors.joining(", "))).append(". ");
        }
        md.append(p.effect()).append('\n');
      }
    }
  }

  private static String channel(String channel) {
    return switch (channel) {
      case "MODELER" -> "from Camunda Modeler";
      case "EMERGENCY" -> "emergency deployment";
      default -> "through the API";
    };
  }

  static String shorten(String text, int max) {
    String flat = text.replace('\n', ' ').strip();
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
  }

  /**
   * The text for an audit event: on one line and at most {@code max} characters once written as JSON (quotes,
   * backslashes and control characters take more than one there), so that an event always fits the audit trail's
   * column whatever a proposer typed. {@code null} stays {@code null}.
   */
  static String forAudit(String text, int max) {
    if (text == null) {
      return null;
    }
    String flat = text.replace('\n', ' ').strip();
    if (written(flat) <= max) {
      return flat;
    }
    int end = 0;
    int written = 0;
    while (written + written(flat.charAt(end)) <= max - 1) {   // room for the ellipsis
      written += written(flat.charAt(end));
      end++;
    }
    if (end > 0 && Character.isHighSurrogate(flat.charAt(end - 1))) {
      end--;
    }
    return flat.substring(0, end) + "…";
  }

  private static int written(String text) {
    int written = 0;
    for (int i = 0; i < text.length(); i++) {
      written += written(text.charAt(i));
    }
    return written;
  }

  /** How many characters JSON takes for it (at most). */
  private static int written(char c) {
    return c == '"' || c == '\\' ? 2 : c < 0x20 ? 6 : 1;
  }
}
