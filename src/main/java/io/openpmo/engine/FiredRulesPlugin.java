package io.openpmo.engine;

import io.openpmo.core.FiredRules;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Carries the rules a business rule task's decision tables fired from the evaluating thread into the process:
 * every business rule task of every deployed process gets two built-in execution listeners, at its start
 * ({@link FiredRules#beginTask()}) and at its end ({@link FiredRules#keep}), which run in the thread and the
 * transaction of the evaluation itself. A model cannot leave them out. The step that records the decision reads
 * the process variable, so an async boundary before it loses nothing (docs/architecture.md, "Fired rules").
 */
@Component
public class FiredRulesPlugin extends AbstractProcessEnginePlugin {

  private final FiredRules firedRules;

  public FiredRulesPlugin(FiredRules firedRules) {
    this.firedRules = firedRules;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPreBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPreBPMNParseListeners());
    }
    ExecutionListener begin = execution -> firedRules.beginTask();
    ExecutionListener keep = firedRules::keep;
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, begin);
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, keep);
      }
    });
    configuration.setCustomPreBPMNParseListeners(listeners);
  }
}
