package io.openpmo.support;

import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.openpmo.audit.AuditTrail;
import io.openpmo.boardpack.BoardPacks;
import io.openpmo.change.ChangeService;
import io.openpmo.change.ChangeSubmissions;
import io.openpmo.closure.Cancellations;
import io.openpmo.closure.ClosureViews;
import io.openpmo.closure.Lessons;
import io.openpmo.closure.ProjectDocuments;
import io.openpmo.core.EngineAccess;
import io.openpmo.core.ErrorProblems;
import io.openpmo.core.StrictJson;
import io.openpmo.deputy.Deputies;
import io.openpmo.gate.GateService;
import io.openpmo.intake.ProjectSubmissions;
import io.openpmo.intake.WithdrawalService;
import io.openpmo.baseline.BaselineService;
import io.openpmo.lifecycle.PlanProjectListener;
import io.openpmo.modelchange.ModelChangeService;
import io.openpmo.modelchange.ModelsInForce;
import io.openpmo.planning.PlanDeviations;
import io.openpmo.planning.PortfolioReviews;
import io.openpmo.planning.ScenarioService;
import io.openpmo.planning.ScenarioSolving;
import io.openpmo.portfolio.ProjectViews;
import io.openpmo.project.Complexity;
import io.openpmo.project.DataClassification;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectAccess;
import io.openpmo.project.ProjectMapper;
import io.openpmo.project.ProjectPhase;
import io.openpmo.project.ProjectStatus;
import io.openpmo.project.ProjectType;
import io.openpmo.project.ThirdParty;
import io.openpmo.report.PortfolioReportService;
import io.openpmo.report.ProjectReportPdf;
import io.openpmo.report.ProjectReportService;
import io.openpmo.resource.ResourcePlans;
import io.openpmo.resource.ResourceService;
import io.openpmo.review.ReviewService;
import io.openpmo.security.Groups;
import io.openpmo.security.SecurityConfiguration;
import io.openpmo.status.RiskRegister;
import io.openpmo.status.StatusReportService;
import io.openpmo.status.StatusReporting;
import io.openpmo.strategy.ObjectiveCatalogue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import jakarta.servlet.RequestDispatcher;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockReset;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The controller slice: every {@code @RestController} and {@code @ControllerAdvice} of the application with
 * MockMvc, the real security filter chain ({@link SecurityConfiguration}: HTTP Basic against the identity
 * service, the auditors' read-only rule, method security), strict JSON ({@link StrictJson}), the problem-detail
 * error mapping ({@code ApiProblemHandler}, {@link ErrorProblems}), the real {@code CurrentUser} of the engine seam
 * and the real {@link ProjectAccess}; every service behind the controllers is a Mockito mock. No engine, no
 * database, no Flyway, no MyBatis.
 *
 * <p>One Spring context for the whole layer: every {@code *ControllerSliceTest} extends this class and adds no
 * annotation that changes the context (no {@code @MockitoBean}, {@code @Import}, {@code @TestPropertySource},
 * profiles), so Spring's context cache builds it once per test JVM ({@link #oneContextForTheLayer} fails a class that
 * made it build another). A controller's new collaborator is declared here, once.
 *
 * <p>The identity service is a mock that knows the users of {@link #USERS} (password {@link #PASSWORD}): a request
 * with their Basic credentials is authenticated by the real provider, their groups become authorities, and the
 * engine filter hands them to the (mocked) identity service, from which {@code CurrentUser} reads them, as in the
 * application.
 */
// the real CurrentUser and ProjectAccess (as bean "projectAccess", which @PreAuthorize expressions name)
@WebMvcTest(includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
    pattern = {"io\\.openpmo\\.engine\\.EngineCurrentUser", "io\\.openpmo\\.project\\.ProjectAccess"}))
@Import({SecurityConfiguration.class, StrictJson.class, ErrorProblems.class, WebSliceTest.PackagePrivateServices.class})
public abstract class WebSliceTest {

  public static final String PASSWORD = "secret";

  /** The slice's users and their groups. */
  public static final Map<String, List<String>> USERS = Map.ofEntries(
      Map.entry("rita", List.of(Groups.REQUESTERS)),
      Map.entry("crm", List.of(Groups.INTEGRATIONS)),
      Map.entry("paula", List.of(Groups.PROJECT_MANAGERS)),
      Map.entry("peter", List.of(Groups.PROJECT_MANAGERS)),
      Map.entry("olga", List.of(Groups.PMO)),
      Map.entry("fiona", List.of(Groups.FINANCE)),
      Map.entry("rick", List.of(Groups.RISK)),
      Map.entry("stella", List.of(Groups.STEERING_COMMITTEE)),
      Map.entry("rosa", List.of(Groups.RESOURCE_MANAGERS)),
      Map.entry("audrey", List.of(Groups.AUDITORS)),
      Map.entry("adam", List.of(Groups.ADMIN)),
      Map.entry("nobody", List.of()));

  /**
   * Services of the controllers that are package-private in their feature package: {@code @MockitoBean} needs the
   * type here, so they are registered as mocks by name (reset after each test like the others). A test in the
   * feature package takes them with {@code @Autowired}.
   */
  static final List<String> PACKAGE_PRIVATE_SERVICES = List.of("io.openpmo.report.CycleTimeService",
      "io.openpmo.audit.AuditProofs", "io.openpmo.audit.AuditVerification", "io.openpmo.audit.AuditExport",
      "io.openpmo.deputy.DeputyProcess");

  /** The identity service's group query over {@link #USERS}: made once, it is no bean, so no test resets it. */
  private static final GroupQuery GROUPS = groupQuery();

  private static final ThreadLocal<org.camunda.bpm.engine.impl.identity.Authentication> ENGINE_USER =
      new ThreadLocal<>();

  /** The slice's context as the first slice test got it: every other one must get the same (the cache's). */
  private static ApplicationContext sliceContext;
  private static String firstSliceTest;

  @Autowired
  protected MockMvc mvc;

  @Autowired
  private ApplicationContext context;

  // the engine seam: who is logged in, tasks
  @MockitoBean
  protected IdentityService identityService;
  @MockitoBean
  protected TaskService taskService;
  @MockitoBean
  protected EngineAccess engineAccess;
  // ProjectAccess reads these
  @MockitoBean
  protected ProjectMapper projectMapper;
  @MockitoBean
  protected JdbcTemplate jdbc;
  // the services behind the controllers
  @MockitoBean
  protected ProjectSubmissions submissions;
  @MockitoBean
  protected WithdrawalService withdrawals;
  @MockitoBean
  protected ProjectViews projectViews;
  @MockitoBean
  protected StatusReporting statusReporting;
  @MockitoBean
  protected StatusReportService statusReports;
  @MockitoBean
  protected RiskRegister riskRegister;
  @MockitoBean
  protected ChangeSubmissions changeSubmissions;
  @MockitoBean
  protected ChangeService changes;
  @MockitoBean
  protected ReviewService reviews;
  @MockitoBean
  protected GateService gates;
  @MockitoBean
  protected ClosureViews closureViews;
  @MockitoBean
  protected ProjectDocuments documents;
  @MockitoBean
  protected Lessons lessons;
  @MockitoBean
  protected Cancellations cancellations;
  @MockitoBean
  protected AuditTrail auditTrail;
  @MockitoBean
  protected PortfolioReportService portfolioReports;
  @MockitoBean
  protected ProjectReportService projectReports;
  @MockitoBean
  protected ProjectReportPdf projectReportPdf;
  @MockitoBean
  protected ResourcePlans resourcePlans;
  @MockitoBean
  protected ResourceService resources;
  @MockitoBean
  protected Deputies deputies;
  @MockitoBean
  protected ObjectiveCatalogue objectives;
  @MockitoBean
  protected BoardPacks boardPacks;
  @MockitoBean
  protected ScenarioService scenarios;
  @MockitoBean
  protected ScenarioSolving scenarioSolving;
  @MockitoBean
  protected PortfolioReviews portfolioReviews;
  @MockitoBean
  protected PlanDeviations planDeviations;
  @MockitoBean
  protected BaselineService baselines;
  @MockitoBean
  protected PlanProjectListener planForm;
  @MockitoBean
  protected ModelChangeService modelChanges;
  @MockitoBean
  protected ModelsInForce modelsInForce;

  /** The identity service knows {@link #USERS}; the engine's current authentication lives for the request. */
  /** Fails a slice test class that made Spring build a second slice context (a mock or an import of its own). */
  @BeforeEach
  void oneContextForTheLayer() {
    if (sliceContext == null) {
      sliceContext = context;
      firstSliceTest = getClass().getSimpleName();
    }
    org.assertj.core.api.Assertions.assertThat(context)
        .as("%s and %s run in different Spring contexts: one of them declares a mock, an import, a property or a"
            + " profile of its own; declare mocks and imports once in WebSliceTest", firstSliceTest,
            getClass().getSimpleName())
        .isSameAs(sliceContext);
  }

  @BeforeEach
  void identityServiceKnowsTheSliceUsers() {
    when(identityService.checkPassword(anyString(), anyString()))
        .thenAnswer(call -> USERS.containsKey(call.<String>getArgument(0)) && PASSWORD.equals(call.getArgument(1)));
    when(identityService.createGroupQuery()).thenReturn(GROUPS);
    doAnswer(call -> {
      ENGINE_USER.set(new org.camunda.bpm.engine.impl.identity.Authentication(call.getArgument(0),
          call.getArgument(1)));
      return null;
    }).when(identityService).setAuthentication(anyString(), anyList());
    doAnswer(call -> {
      ENGINE_USER.remove();
      return null;
    }).when(identityService).clearAuthentication();
    when(identityService.getCurrentAuthentication()).thenAnswer(call -> ENGINE_USER.get());
    // the engine's system actions run their work
    when(engineAccess.asSystem(any(java.util.function.Supplier.class)))
        .thenAnswer(call -> call.<java.util.function.Supplier<?>>getArgument(0).get());
  }

  private static GroupQuery groupQuery() {
    Map<String, GroupQuery> ofMember = new java.util.HashMap<>();
    USERS.forEach((user, groupIds) -> {
      List<Group> groups = groupIds.stream().map(id -> {
        Group group = mock(Group.class);
        when(group.getId()).thenReturn(id);
        return group;
      }).toList();
      GroupQuery query = mock(GroupQuery.class);
      when(query.list()).thenReturn(groups);
      ofMember.put(user, query);
    });
    GroupQuery none = mock(GroupQuery.class);
    when(none.list()).thenReturn(List.of());
    GroupQuery query = mock(GroupQuery.class);
    when(query.groupMember(anyString())).thenAnswer(call -> ofMember.getOrDefault(call.<String>getArgument(0), none));
    return query;
  }

  @AfterEach
  void noEngineUserLeftOver() {
    ENGINE_USER.remove();
  }

  /** HTTP Basic credentials of a slice user, checked by the real filter chain. */
  protected static RequestPostProcessor as(String user) {
    return httpBasic(user, PASSWORD);
  }

  /** A project in delivery with a baseline, managed by {@code manager}, that {@link ProjectAccess} finds. */
  protected Project givenProject(String code, String manager) {
    return givenProject(code, manager, ProjectStatus.ACTIVE, ProjectPhase.DELIVERY);
  }

  protected Project givenProject(String code, String manager, ProjectStatus status, ProjectPhase phase) {
    OffsetDateTime now = OffsetDateTime.of(2026, 11, 2, 9, 0, 0, 0, ZoneOffset.UTC);
    Project project = new Project(42L, code, "Core banking upgrade", "Replace the ledger", "Retail", "sam", "rita",
        ProjectType.STRATEGIC, 4, new BigDecimal("900000.00"), new BigDecimal("1500000.00"), "EUR",
        LocalDate.of(2027, 1, 1), 12, Complexity.MEDIUM, true, DataClassification.CONFIDENTIAL, ThirdParty.NONE,
        false, false, null, null, null, null, status, phase, 40, null, 70, null, 0, "pi-1", manager, now, now, now,
        7L, null, 0, null);
    when(projectMapper.findByCode(code)).thenReturn(Optional.of(project));
    return project;
  }

  /** The project's approvals are given by these groups: their members see it ({@link ProjectAccess}). */
  protected void givenApprovingGroups(Project project, String... groups) {
    when(jdbc.queryForList(anyString(), org.mockito.ArgumentMatchers.eq(String.class),
        org.mockito.ArgumentMatchers.eq(project.id()))).thenReturn(List.of(groups));
  }

  /**
   * The request, and when it ended in {@code sendError} (no handler for the path, a method it does not take: Spring
   * answers these without a body, as no controller advice applies), the error dispatch that the servlet container
   * makes to {@code /error}, which MockMvc does not: the answer a client gets from the running application.
   */
  protected ResultActions performWithErrorPage(RequestBuilder request) throws Exception {
    MvcResult result = mvc.perform(request).andReturn();
    MockHttpServletResponse response = result.getResponse();
    if (response.getStatus() < 400 || response.getContentLength() > 0 || !response.getContentAsString().isEmpty()) {
      return actionsOf(result);
    }
    MockHttpServletRequestBuilder error = get("/error")
        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, response.getStatus())
        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, result.getRequest().getRequestURI());
    if (response.getErrorMessage() != null) {
      error.requestAttr(RequestDispatcher.ERROR_MESSAGE, response.getErrorMessage());
    }
    if (result.getResolvedException() != null) {
      error.requestAttr(RequestDispatcher.ERROR_EXCEPTION, result.getResolvedException());
    }
    return mvc.perform(error);
  }

  private static ResultActions actionsOf(MvcResult result) {
    return new ResultActions() {
      @Override
      public ResultActions andExpect(ResultMatcher matcher) throws Exception {
        matcher.match(result);
        return this;
      }

      @Override
      public ResultActions andDo(org.springframework.test.web.servlet.ResultHandler handler) throws Exception {
        handler.handle(result);
        return this;
      }

      @Override
      public MvcResult andReturn() {
        return result;
      }
    };
  }

  /** An RFC 7807 answer with this status. */
  protected static ResultMatcher problem(int status) {
    return result -> {
      status().is(status).match(result);
      content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).match(result);
      jsonPath("$.status").value(status).match(result);
    };
  }

  /** A 400 problem detail whose {@code errors} name the field. */
  protected static ResultMatcher invalidField(String field) {
    return result -> {
      problem(400).match(result);
      jsonPath("$.type").value("urn:openpmo:problem:invalid-request").match(result);
      jsonPath("$.errors[*].field").value(hasItem(field)).match(result);
    };
  }

  /** Registers the {@link #PACKAGE_PRIVATE_SERVICES} as Mockito mocks that Spring's test listener resets. */
  static class PackagePrivateServices implements ImportBeanDefinitionRegistrar {

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
      for (String name : PACKAGE_PRIVATE_SERVICES) {
        Class<?> type;
        try {
          type = Class.forName(name, false, WebSliceTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException("The slice mocks " + name + ", which no longer exists", e);
        }
        registry.registerBeanDefinition(name, mockDefinition(type));
      }
    }

    private static <T> RootBeanDefinition mockDefinition(Class<T> type) {
      return new RootBeanDefinition(type, () -> mock(type, MockReset.withSettings(MockReset.AFTER)));
    }
  }
}
