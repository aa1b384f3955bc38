package dev.baton.campaign;

import dev.baton.ledger.HandoffLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RecordPause}: the program is paused until ResumeProgram arrives. */
@Component("pauseProgram")
public class PauseProgramDelegate implements JavaDelegate {

    private final HandoffLedger ledger;

    public PauseProgramDelegate(HandoffLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ledger.programPaused(execution.getProcessBusinessKey());
    }
}
