package io.openpmo.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openpmo.intake.SubmissionResult;
import io.openpmo.support.AppTest;
import io.openpmo.support.Http;
import io.openpmo.support.Requests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist's filters: one per reviewing group, shown to that group only (nobody sees a Claim button on another
 * group's task there), escalated tasks first and then by due date, with the project, group, risk and priority as
 * columns, and no expressions (the engine refuses them).
 */
class TasklistFiltersTest extends AppTest {

  @Autowired TaskService taskService;

  List<String> filterNames(String user) {
    List<String> names = new ArrayList<>();
    http(user).get("/engine-rest/filter?resourceType=Task").json().forEach(f -> names.add(f.get("name").asText()));
    return names;
  }

  JsonNode filter(String user, String name) {
    for (JsonNode f : http(user).get("/engine-rest/filter?resourceType=Task").json()) {
      if (f.get("name").asText().equals(name)) {
        return f;
      }
    }
    throw new AssertionError(user + " does not see the filter " + name);
  }

  @Test
  void eachGroupSeesItsOwnFilter() {
    assertThat(filterNames("petra")).contains("PMO: overdue first", "PMO: every open task (oversight)")
        .doesNotContain("My work", "Finance: open tasks");
    assertThat(filterNames("fiona")).contains("My work", "Finance: open tasks")
        .doesNotContain("PMO: overdue first", "PMO: every open task (oversight)", "Risk: open tasks");
    assertThat(filterNames("rita")).contains("My work").noneMatch(name -> name.endsWith(": open tasks"));
    for (String name : filterNames("petra")) {
      JsonNode filter = filter("petra", name);
      assertThat(filter.get("query").toString()).doesNotContain("${", "#{");
      assertThat(filter.get("properties").get("variables").findValuesAsText("name"))
          .containsExactly("projectLabel", "reviewingGroup", "riskLabel", "priorityLabel");
    }
  }

  @Test
  void aGroupsFilterListsItsTasksEscalatedFirstThenByDueDate() {
    SubmissionResult first = journeys().submit("rita", Requests.withFinanceAndCompliance("Filter: first"));
    SubmissionResult second = journeys().submit("rita", Requests.withFinanceAndCompliance("Filter: escalated"));
    Task escalated = journeys().task(second.code(), Groups.FINANCE);
    taskService.setPriority(escalated.getId(), 90);
    String id = filter("fiona", "Finance: open tasks").get("id").asText();

    // as Tasklist asks: its own sorting (newest first) comes after the filter's
    Http.Response listed = http("fiona").post("/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=50",
        Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc"))));
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    JsonNode tasks = listed.json();
    assertThat(tasks.get(0).get("id").asText()).isEqualTo(escalated.getId());
    List<Integer> priorities = new ArrayList<>();
    tasks.forEach(task -> priorities.add(task.get("priority").asInt()));
    assertThat(priorities).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    for (JsonNode task : tasks) {
      assertThat(taskService.getIdentityLinksForTask(task.get("id").asText()))
          .anyMatch(link -> Groups.FINANCE.equals(link.getGroupId()));
    }
    assertThat(tasks.findValuesAsText("id")).contains(journeys().task(first.code(), Groups.FINANCE).getId());
  }
}
