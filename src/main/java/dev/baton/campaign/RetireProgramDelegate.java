package dev.baton.campaign;

import dev.baton.ledger.HandoffLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RetireProgram}: the program ends; the ledger closes it as completed. */
@Component("retireProgram")
public class RetireProgramDelegate implements JavaDelegate {

    private final HandoffLedger ledger;

    public RetireProgramDelegate(HandoffLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ledger.programRetired(execution.getProcessBusinessKey());
    }
}
