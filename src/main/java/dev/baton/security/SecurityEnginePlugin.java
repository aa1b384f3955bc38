package dev.baton.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine side of Baton's security defaults: no scripts in deployed models, no script engine
 * at run time. (XXE, query limits, expression and password policy are plain engine settings in
 * application.yaml.)
 */
@Component
public class SecurityEnginePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        listeners.add(new ScriptRefusal());
        if (configuration.getCustomPreBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPreBPMNParseListeners());
        }
        configuration.setCustomPreBPMNParseListeners(listeners);
        configuration.setScriptEngineResolver(new NoScriptEngines());
    }
}
