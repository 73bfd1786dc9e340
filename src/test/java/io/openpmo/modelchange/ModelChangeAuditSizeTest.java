package io.openpmo.modelchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The model change events fit the audit trail's details column (8000 characters) whatever a proposer sends: texts
 * full of quotes and control characters, the longest file names, the most files.
 */
class ModelChangeAuditSizeTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static int jsonLength(Object value) throws Exception {
    return JSON.writeValueAsString(value).length();
  }

  @Test
  void aTextIsCutToItsRoomAsWrittenInJson() throws Exception {
    assertThat(ModelChangeSummary.forAudit("Finance from 100k", 1000)).isEqualTo("Finance from 100k");
    assertThat(ModelChangeSummary.forAudit("line one\nline two", 1000)).isEqualTo("line one line two");
    assertThat(ModelChangeSummary.forAudit(null, 10)).isNull();
    String quotes = ModelChangeSummary.forAudit("\"".repeat(4000), 1000);
    assertThat(jsonLength(quotes)).isLessThanOrEqualTo(1000 + 2);
    assertThat(quotes).endsWith("…").hasSize(499 + 1);
    String controls = ModelChangeSummary.forAudit("a\u0001".repeat(2000), 300);
    assertThat(jsonLength(controls)).isLessThanOrEqualTo(300 + 2);
    assertThat(ModelChangeSummary.forAudit("x".repeat(300), 300)).hasSize(300);
    assertThat(ModelChangeSummary.forAudit("x".repeat(301), 300)).hasSize(300).endsWith("…");
  }

  @Test
  void theLargestDeploymentEventFitsTheAuditTrail() throws Exception {
    String sha = "a".repeat(64);
    List<ModelChangeFile> files = new ArrayList<>();
    List<String> addedForCompleteness = new ArrayList<>();
    for (int i = 0; i < ModelChangeService.MAX_FILES; i++) {
      String name = "processes/" + (i + "x".repeat(121)).substring(0, 121) + ".bpmn";
      files.add(new ModelChangeFile(1L, name, ModelKind.PROCESS.name(), "x".getBytes(StandardCharsets.UTF_8), sha, sha));
      addedForCompleteness.add(name);
    }
    String nasty = "\"\\\u0001".repeat(ModelChangeService.MAX_REASON);
    // the fields of MODEL_CHANGE_DEPLOYED, at their largest
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("modelChange", "MC-" + Long.MAX_VALUE);
    details.put("kind", ModelChange.ROLLBACK);
    details.put("proposedBy", "u".repeat(64));
    details.put("approvedBy", "u".repeat(64));
    details.put("reason", ModelChangeSummary.forAudit(nasty, 1000));
    details.put("comment", ModelChangeSummary.forAudit(nasty, 500));
    details.put("files", ModelChangeService.fileHashes(files));
    details.put("deploymentId", "d".repeat(64));
    details.put("deployedWithIt", addedForCompleteness.stream().limit(ModelChangeService.AUDITED_FILES).toList());

    assertThat(jsonLength(details)).isLessThanOrEqualTo(8000);
    assertThat(((Map<?, ?>) details.get("files")).get("count")).isEqualTo(ModelChangeService.MAX_FILES);
  }
}
