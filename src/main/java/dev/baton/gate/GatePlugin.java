package dev.baton.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Baton's engine extensions: the {@link SubmissionRejectionInterceptor} as the outermost
 * interceptor, the {@link GateCommandInterceptor} inside each command's transaction, DMN's FEEL with
 * parsed expressions kept ({@link CachingFeelEngine}), the {@link GateParseListener} that makes gates of user tasks with gate properties,
 * and the {@link TeamAssignmentCheck} on every user task.
 */
@Component
public class GatePlugin extends AbstractProcessEnginePlugin {

    private final Supplier<GateService> gates;

    @Autowired
    public GatePlugin(ObjectProvider<GateService> gates) {
        this(resolvedOnce(gates));
    }

    public GatePlugin(Supplier<GateService> gates) {
        this.gates = gates;
    }

    /**
     * The service, looked up on first use (it is built after the engine) and kept: a lookup
     * through the provider resolves the dependency anew, and every gate event and command asks.
     */
    static Supplier<GateService> resolvedOnce(ObjectProvider<GateService> provider) {
        return SingletonSupplier.of(provider::getObject);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        interceptors.add(new SubmissionRejectionInterceptor());
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);

        List<CommandInterceptor> inside = new ArrayList<>();
        if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
            inside.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
        }
        inside.add(new GateCommandInterceptor(gates));
        configuration.setCustomPostCommandInterceptorsTxRequired(inside);

        if (configuration.getDmnEngineConfiguration() == null) {
            configuration.setDmnEngineConfiguration((org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration)
                    org.camunda.bpm.dmn.engine.DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
        }
        configuration.getDmnEngineConfiguration().setFeelEngineFactory(CachingFeelEngine.factory());

        List<BpmnParseListener> parseListeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            parseListeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        parseListeners.add(new GateParseListener(new GateListener(gates)));
        parseListeners.add(new TeamAssignmentCheck());
        configuration.setCustomPostBPMNParseListeners(parseListeners);
    }
}
