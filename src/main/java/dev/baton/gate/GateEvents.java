package dev.baton.gate;

import dev.baton.ledger.HandoffRecord;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What happens at gates, for whoever wants to react (notifications): delivered synchronously to
 * each {@link Listener}, inside the engine transaction of the event, so a reaction commits and
 * rolls back with it.
 */
public interface GateEvents {

    void publish(Object event);

    /** Who reacts to gate events: a Spring bean implementing this hears every event, in order. */
    interface Listener {

        default void on(BatonArrived event) {
        }

        default void on(HandoffReturned event) {
        }

        default void on(GateOverdue event) {
        }

        default void on(GateReminded event) {
        }

        default void on(GateReassigned event) {
        }

        default void on(GateDueDateMoved event) {
        }
    }

    /** Hands an event to a listener's method for its kind. */
    static void deliver(Listener listener, Object event) {
        if (event instanceof BatonArrived arrived) {
            listener.on(arrived);
        } else if (event instanceof HandoffReturned returned) {
            listener.on(returned);
        } else if (event instanceof GateOverdue overdue) {
            listener.on(overdue);
        } else if (event instanceof GateReminded reminded) {
            listener.on(reminded);
        } else if (event instanceof GateReassigned reassigned) {
            listener.on(reassigned);
        } else if (event instanceof GateDueDateMoved moved) {
            listener.on(moved);
        }
    }

    /** A gate opened: the baton arrived at a team, possibly returned to it. */
    record BatonArrived(DelegateTask task, GateDefinition gate, String subject, OffsetDateTime due, boolean returned) {
    }

    /** A receiving team returned the handoff, with the reason. */
    record HandoffReturned(DelegateTask task, HandoffRecord handoff, String fromGateName, String subject, String returnedBy,
                           Long quality, String reason) {
    }

    /** A project manager reminded the team holding an overdue gate, and its accountable person. */
    record GateReminded(DelegateTask task, GateDefinition gate, String subject, String remindedBy, String accountable) {
    }

    /** A project manager handed an overdue gate to a member of its team. */
    record GateReassigned(DelegateTask task, GateDefinition gate, String subject, String reassignedBy, String assignee) {
    }

    /** A project manager gave an overdue gate a new due date, with a reason. */
    record GateDueDateMoved(DelegateTask task, GateDefinition gate, String subject, String movedBy, OffsetDateTime due,
                            String reason, String accountable) {
    }

    /** A gate passed its due date and is still open. */
    record GateOverdue(DelegateExecution execution, GateDefinition gate, String subject, String taskId, String accountable,
                       Date due) {
    }
}
