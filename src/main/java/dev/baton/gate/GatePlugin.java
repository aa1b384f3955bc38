package dev.baton.gate;

import dev.baton.EngineLists;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
        configuration.setCustomPreCommandInterceptorsTxRequired(EngineLists.before(
                configuration.getCustomPreCommandInterceptorsTxRequired(), new SubmissionRejectionInterceptor()));
        configuration.setCustomPostCommandInterceptorsTxRequired(EngineLists.after(
                configuration.getCustomPostCommandInterceptorsTxRequired(), new GateCommandInterceptor(gates)));

        if (configuration.getDmnEngineConfiguration() == null) {
            configuration.setDmnEngineConfiguration((org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration)
                    org.camunda.bpm.dmn.engine.DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
        }
        configuration.getDmnEngineConfiguration().setFeelEngineFactory(CachingFeelEngine.factory());

        configuration.setCustomPostBPMNParseListeners(EngineLists.after(configuration.getCustomPostBPMNParseListeners(),
                new GateParseListener(new GateListener(gates)), new TeamAssignmentCheck()));
    }
}
