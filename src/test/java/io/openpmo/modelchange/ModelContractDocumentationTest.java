package io.openpmo.modelchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's contract for process owners lists exactly what the checks enforce. */
class ModelContractDocumentationTest {

  @Test
  void theReadmeListsEveryRequirementTheChecksEnforceAndNoOther() throws IOException {
    List<String> documented = Files.readAllLines(Path.of("README.md")).stream()
        .filter(line -> line.matches("\\| (PROCESS|MESSAGE|ELEMENT|RESULT_VARIABLE|DECISION) \\|.*"))
        .toList();
    assertThat(documented).hasSize(ModelContract.REQUIREMENTS.size());
    for (ModelContract.Requirement requirement : ModelContract.REQUIREMENTS) {
      assertThat(documented).as(requirement.toString()).anyMatch(line -> line.startsWith("| " + requirement.kind()
          + " | `" + requirement.owner() + "` | `" + requirement.name() + "` |")
          && (requirement.detail() == null || line.contains("`" + requirement.detail() + "`")));
    }
  }
}
