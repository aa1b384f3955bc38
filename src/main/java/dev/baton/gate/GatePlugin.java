package dev.baton.gate;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Baton's engine extensions: the {@link SubmissionRejectionInterceptor} as the outermost
 * interceptor, the {@link GateDeclarationCheck} on every deployment, and the
 * {@link TeamAssignmentCheck} on every user task.
 */
@Component
public class GatePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        interceptors.add(new SubmissionRejectionInterceptor());
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);

        List<BpmnParseListener> parseListeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            parseListeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        parseListeners.add(new GateDeclarationCheck());
        parseListeners.add(new TeamAssignmentCheck());
        configuration.setCustomPostBPMNParseListeners(parseListeners);
    }
}
