package io.openpmo.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.audit.AuditTrail;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import io.openpmo.support.PostgresAppTest;
import io.openpmo.support.TestProjects;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.ibatis.session.SqlSessionFactory;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine runs on MyBatis 3.5.15 by its own POM, our mappers on whatever mybatis-spring-boot brings;
 * the POM pins one version for both. This proves that one version is on the classpath and that the engine
 * and a mapper work in one Spring transaction on PostgreSQL: committed together, rolled back together.
 */
class MyBatisVersionTest extends PostgresAppTest {

  static final String PINNED = "3.5.19";

  @Autowired ProcessEngineConfigurationImpl engineConfiguration;
  @Autowired SqlSessionFactory domainSessions;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ProjectMapper projects;
  @Autowired AuditTrail auditTrail;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void deployWaitingProcess() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("mybatisProbe").count() == 0) {
      repositoryService.createDeployment().addModelInstance("mybatis-probe.bpmn",
          Bpmn.createExecutableProcess("mybatisProbe").camundaHistoryTimeToLive(1).startEvent("StartEvent_Probe")
              .userTask("Task_Wait").name("Wait").endEvent("EndEvent_Probe").done()).deploy();
    }
  }

  @Test
  void oneMyBatisVersionServesEngineAndMappers() throws Exception {
    List<URL> jars = Collections.list(getClass().getClassLoader()
        .getResources("META-INF/maven/org.mybatis/mybatis/pom.properties"));
    assertThat(jars).hasSize(1);
    Properties pom = new Properties();
    try (InputStream in = jars.get(0).openStream()) {
      pom.load(in);
    }
    assertThat(pom.getProperty("version")).isEqualTo(PINNED);
    assertThat(engineConfiguration.getSqlSessionFactory().getConfiguration().getClass())
        .isSameAs(domainSessions.getConfiguration().getClass());
  }

  @Test
  void engineAndMapperRollBackTogether() {
    String code = "PRJ-MB-" + projects.nextCodeNumber();
    transactions.executeWithoutResult(status -> {
      writeBoth(code);
      status.setRollbackOnly();
    });
    assertThat(projects.findByCode(code)).isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE project_code = ?", Long.class, code))
        .isZero();
  }

  @Test
  void engineAndMapperCommitTogether() {
    String code = "PRJ-MB-" + projects.nextCodeNumber();
    transactions.executeWithoutResult(status -> writeBoth(code));
    Project project = projects.findByCode(code).orElseThrow();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId())
        .isEqualTo(project.processInstanceId());
    assertThat(auditTrail.forProject(project.id())).extracting("action").containsExactly("TEST_BOTH");
  }

  private void writeBoth(String code) {
    projects.insert(TestProjects.row(code, "rita", null));
    Project project = projects.findByCode(code).orElseThrow();
    String instance = runtimeService.startProcessInstanceByKey("mybatisProbe", code).getId();
    projects.attachProcess(project.id(), instance, java.time.OffsetDateTime.now());
    auditTrail.record("rita", "TEST_BOTH", project.id(), code, Map.of("processInstanceId", instance));
  }
}
