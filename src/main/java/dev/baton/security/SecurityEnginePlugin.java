package dev.baton.security;

import dev.baton.EngineLists;
import dev.baton.campaign.MessagePayloads;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine side of Baton's security defaults: no scripts in deployed models, no script engine
 * at run time, the {@link CommandGuard} with its rules on every command, and authorization checks
 * that do not scan the authorization table first ({@link NoGroupScanAuthorizationManager}). (XXE, query limits,
 * expression and password policy are plain engine settings in application.yaml.)
 */
@Component
public class SecurityEnginePlugin extends AbstractProcessEnginePlugin {

    private final VerifiedCredentials verified;

    public SecurityEnginePlugin(VerifiedCredentials verified) {
        this.verified = verified;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPreBPMNParseListeners(EngineLists.before(configuration.getCustomPreBPMNParseListeners(),
                new ScriptRefusal()));
        configuration.setScriptEngineResolver(new NoScriptEngines());

        configuration.setCustomPostCommandInterceptorsTxRequired(EngineLists.after(
                configuration.getCustomPostCommandInterceptorsTxRequired(), commandGuard(verified)));
        NoGroupScanAuthorizationManager.install(configuration);
    }

    /** Baton's rules: some for every command, the rest for what authenticated users ask the engine to do. */
    public static CommandGuard commandGuard(VerifiedCredentials verified) {
        return new CommandGuard(
                List.of(new QueryExpressionRule(), new IdentityInputRule()),
                List.of(new FinishedTaskRule(), new VariableWriteRule(), new ProcessBypassRule(), new SubmissionShapeRule(),
                        new MessagePayloadRule(MessagePayloads.ALLOWED), new TaskChangeRule(), new JobControlRule()),
                verified);
    }
}
