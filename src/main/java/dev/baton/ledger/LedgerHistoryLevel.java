package dev.baton.ledger;

import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.history.HistoryLevelAudit;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * History level {@value #NAME}: Camunda's {@code audit} without what the handoff ledger records
 * itself — the claims and reassignments of a running user task. Camunda writes each of them to
 * the task's and activity's history (a read of the start time and an update each); the ledger
 * has who holds each gate and since when. A task's history is still written when it starts
 * (with what its create listeners set: name, due date) and when it ends (with its final state,
 * assignee included), so finished tasks, process and variable history are exactly as in
 * {@code audit}: what Tasklist and Cockpit show.
 */
public class LedgerHistoryLevel extends HistoryLevelAudit {

    public static final String NAME = "ledger";
    /** Camunda's own levels are 0 to 3; stored in the database, so it must never change. */
    public static final int ID = 14;

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (eventType == HistoryEventTypes.TASK_INSTANCE_UPDATE && entity instanceof TaskEntity task
                && !startedInThisCommand(HistoricTaskInstanceEventEntity.class, task.getId())) {
            return false;
        }
        if (eventType == HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE && entity instanceof ExecutionEntity execution
                && execution.getActivity() != null
                && execution.getActivity().getActivityBehavior() instanceof UserTaskActivityBehavior
                && !startedInThisCommand(HistoricActivityInstanceEventEntity.class, execution.getActivityInstanceId())) {
            return false;
        }
        return super.isHistoryEventProduced(eventType, entity);
    }

    /** An update of history written in the same command costs nothing: it goes into the insert. */
    private static boolean startedInThisCommand(Class<?> type, String id) {
        CommandContext context = Context.getCommandContext();
        if (context == null || id == null) {
            return true;
        }
        CachedDbEntity cached = context.getDbEntityManager().getDbEntityCache().getCachedEntity(type, id);
        return cached != null && cached.getEntityState() == DbEntityState.TRANSIENT;
    }
}
