package dev.baton.gate;

import dev.baton.ledger.HandoffRecord;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What happens at gates, for whoever wants to react (notifications): published synchronously,
 * inside the engine transaction of the event, so a reaction commits and rolls back with it.
 */
public interface GateEvents {

    void publish(Object event);

    /** A gate opened: the baton arrived at a team, possibly returned to it. */
    record BatonArrived(DelegateTask task, GateDefinition gate, String subject, OffsetDateTime due, boolean returned) {
    }

    /** A receiving team returned the handoff, with the reason. */
    record HandoffReturned(DelegateTask task, HandoffRecord handoff, String subject, String returnedBy, Long quality,
                           String reason) {
    }

    /** A gate passed its due date and is still open. */
    record GateOverdue(DelegateExecution execution, GateDefinition gate, String subject, String taskId, String accountable,
                       Date due) {
    }
}
