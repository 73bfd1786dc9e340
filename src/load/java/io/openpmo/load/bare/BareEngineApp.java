package io.openpmo.load.bare;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * The bare Camunda 7.24 engine that the load benchmark compares OpenPMO with: the Spring Boot starter with its REST
 * API, history level full, one process with one user task, and the {@code projectHealth} decision table. Nothing of
 * OpenPMO runs here (its own package is scanned, and {@code bare-engine.yaml} replaces the application's
 * configuration). Profile {@code secured} is Camunda's advice for production: HTTP Basic on {@code /engine-rest}
 * (the REST API's {@link ProcessEngineAuthenticationFilter}) and authorization checks on, with a user who may start
 * the process, work its tasks and evaluate the decision. Started as its own JVM by the load benchmark.
 */
@SpringBootApplication
public class BareEngineApp {

  public static final String PROCESS = "benchBare";
  public static final String TASK = "Task_Bare";
  public static final String GROUP = "benchers";
  public static final String USER = "bencher";
  public static final String PASSWORD = "bench";

  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(BareEngineApp.class);
    System.setProperty("spring.config.name", "bare-engine");
    app.run(args);
  }

  /** Deploys the one-task process and the decision table, and (secured) the user with the grants it needs. */
  @Bean
  ApplicationRunner bareSetup(RepositoryService repositoryService, IdentityService identityService,
      AuthorizationService authorizationService, @Value("${camunda.bpm.authorization.enabled}") boolean secured) {
    return args -> {
      BpmnModelInstance process = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(3650)
          .startEvent("StartEvent_Started")
          .userTask(TASK).name("Decide").camundaCandidateGroups(GROUP)
          .endEvent("EndEvent_Done").done();
      repositoryService.createDeployment().name("bare").enableDuplicateFiltering(true)
          .addModelInstance("bench-bare.bpmn", process)
          .addClasspathResource("dmn/project-health.dmn")
          .deploy();
      if (identityService.createUserQuery().userId(USER).count() == 0) {
        User user = identityService.newUser(USER);
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        identityService.saveGroup(identityService.newGroup(GROUP));
        identityService.createMembership(USER, GROUP);
        if (secured) {
          grant(authorizationService, Resources.PROCESS_DEFINITION, PROCESS, Permissions.READ,
              Permissions.CREATE_INSTANCE, Permissions.READ_INSTANCE, Permissions.READ_TASK);
          grant(authorizationService, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
          grant(authorizationService, Resources.DECISION_DEFINITION, "projectHealth", Permissions.READ,
              Permissions.CREATE_INSTANCE);
        }
      }
    };
  }

  private static void grant(AuthorizationService service, Resource resource, String id, Permission... permissions) {
    Authorization grant = service.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(GROUP);
    grant.setResource(resource);
    grant.setResourceId(id);
    for (Permission permission : permissions) {
      grant.addPermission(permission);
    }
    service.saveAuthorization(grant);
  }

  /** HTTP Basic on the engine REST API, as Camunda's documentation configures it for Spring Boot. */
  @Bean
  @Profile("secured")
  FilterRegistrationBean<Filter> processEngineAuthenticationFilter() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>();
    registration.setName("camunda-auth");
    registration.setFilter(new ProcessEngineAuthenticationFilter());
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }
}
