package dev.baton.campaign;

import dev.baton.EngineLists;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.listener.DelegateExpressionExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Every lifecycle ends through {@link CampaignDeletionListener} as well, attached as a built-in
 * listener so that no model has to declare it: a deleted process instance closes its campaign.
 */
@Component
public class CampaignEndListeners extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        BpmnParseListener endListener = new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity definition) {
                definition.addBuiltInListener(ExecutionListener.EVENTNAME_END, new DelegateExpressionExecutionListener(
                        Context.getProcessEngineConfiguration().getExpressionManager()
                                .createExpression("${" + CampaignDeletionListener.BEAN + "}"), List.of()));
            }
        };
        configuration.setCustomPostBPMNParseListeners(EngineLists.after(configuration.getCustomPostBPMNParseListeners(), endListener));
    }
}
