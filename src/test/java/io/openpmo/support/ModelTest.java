package io.openpmo.support;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A model-only process test: the BPMN (and DMN) files on an in-memory engine of their own
 * ({@code camunda-models.cfg.xml}), every delegate and listener a Mockito mock registered under its bean name,
 * no Spring context. It tests the paths of a model (which gateway leads where, what a timer or an error does); what
 * the delegates do is tested with their services, the whole application in the journeys on {@link AppTest}.
 * A class deploys its models with {@code @Deployment(resources = ...)} and registers the engine extension itself
 * ({@code @RegisterExtension static final ProcessEngineExtension ENGINE = ModelTest.engine();}): the extension
 * keeps per-class state, one instance cannot serve several classes. The engine is built once per JVM.
 */
public abstract class ModelTest {

  protected ProcessEngine engine;

  /** The extension for a model test class: the in-memory engine of {@code camunda-models.cfg.xml}. */
  protected static ProcessEngineExtension engine() {
    return ProcessEngineExtension.builder().configurationResource("camunda-models.cfg.xml").build();
  }

  /**
   * The engine comes from the class's extension. Building it registered it with {@link ProcessEngines}; it is taken
   * out again, so that the application's engine stays the only one the engine REST API ({@code /engine-rest/engine})
   * and everything else that looks engines up by name can see in this JVM.
   */
  @BeforeEach
  void initAssertions(ProcessEngine engine) {
    this.engine = engine;
    ProcessEngines.unregister(engine);
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetMocksAndAssertions() {
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  /** A delegate that does nothing, registered as {@code ${name}}. */
  protected static JavaDelegate delegate(String name) {
    return delegate(name, execution -> { });
  }

  /** A delegate that does what the test says (typically: set the system variable a gateway reads). */
  protected static JavaDelegate delegate(String name, Consumer<DelegateExecution> behaviour) {
    JavaDelegate delegate = mock(JavaDelegate.class);
    try {
      doAnswer(invocation -> {
        behaviour.accept(invocation.getArgument(0));
        return null;
      }).when(delegate).execute(any());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    Mocks.register(name, delegate);
    return delegate;
  }

  /** A task listener that does nothing, registered as {@code ${name}}. */
  protected static TaskListener listener(String name) {
    return listener(name, task -> { });
  }

  /** A task listener that does what the test says, on every event it is registered for. */
  protected static TaskListener listener(String name, Consumer<DelegateTask> behaviour) {
    TaskListener listener = mock(TaskListener.class);
    doAnswer(invocation -> {
      behaviour.accept(invocation.getArgument(0));
      return null;
    }).when(listener).notify(any());
    Mocks.register(name, listener);
    return listener;
  }
}
