package dev.baton.campaign;

import dev.baton.ledger.HandoffLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RecordResume}: the program runs again; its next review is a full cycle away. */
@Component("resumeProgram")
public class ResumeProgramDelegate implements JavaDelegate {

    private final HandoffLedger ledger;

    public ResumeProgramDelegate(HandoffLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ledger.programResumed(execution.getProcessBusinessKey());
    }
}
