package dev.baton.ledger;

import dev.baton.EngineLists;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Offers the history level {@value LedgerHistoryLevel#NAME} ({@code camunda.bpm.history-level: ledger}). */
@Component
public class LedgerHistoryPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomHistoryLevels(EngineLists.after(configuration.getCustomHistoryLevels(), new LedgerHistoryLevel()));
    }
}
