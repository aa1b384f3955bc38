package dev.baton.gate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Campaigns started on models deployed before gates were declared by properties alone still name
 * {@code ${gateListener}} on their tasks. Their gates get the built-in listener like any other, so
 * this one does nothing; it only has to exist until those campaigns have finished.
 */
@Component("gateListener")
public class LegacyGateListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        // the built-in GateListener handles the gate
    }
}
