package dev.baton.gate;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.identity.db.DbReadOnlyIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * A task offered to teams (candidate groups) can only be held by a member of one of them, however
 * it is assigned: claim, assignee, delegation, task update, REST, webapps or Java. Attached to
 * every user task as a built-in listener, which skipping custom listeners cannot skip; otherwise
 * the ledger would show a strategy gate done by analytics.
 *
 * <p>On a gate the rule usually rides on the claim's own ledger statement ({@link GateService#claimed}),
 * which reads the candidate groups and memberships as the database holds them: one round trip for
 * the claim instead of three. That is exact only while this command has not touched the task's
 * identity links and the identities are Camunda's own tables; otherwise this listener decides from
 * what the command holds, as it does for every other task.
 */
public class TeamAssignmentCheck extends AbstractBpmnParseListener implements TaskListener {

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                .addBuiltInTaskListener(EVENTNAME_ASSIGNMENT, this);
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getAssignee() == null || isGate(task) && checkedByClaimStatement(task)) {
            return;
        }
        check(task);
    }

    /**
     * True when the claim statement can decide the rule alone: the identities are Camunda's tables
     * and nothing in this command has read, added or removed an identity link of the task (each of
     * those passes through the command's entity cache), so the database holds the whole truth.
     */
    static boolean checkedByClaimStatement(DelegateTask task) {
        CommandContext context = Context.getCommandContext();
        if (!(context.getReadOnlyIdentityProvider() instanceof DbReadOnlyIdentityServiceProvider)) {
            return false;
        }
        return context.getDbEntityManager().getCachedEntitiesByType(IdentityLinkEntity.class).stream()
                .noneMatch(link -> task.getId().equals(link.getTaskId()));
    }

    /** The rule, from what the command holds: refuses an assignee who is in none of the task's teams. */
    static void check(DelegateTask task) {
        String assignee = task.getAssignee();
        List<String> teams = teams((TaskEntity) task);
        if (teams.isEmpty() || isMemberOfAny(assignee, teams)) {
            return;
        }
        throw new SubmissionRejectedException("assignee", "'" + assignee + "' is not a member of "
                + String.join(" or ", teams) + ", the team that works '" + task.getName()
                + "'; assign it to a member of " + String.join(" or ", teams));
    }

    /**
     * The task's candidate groups as this command leaves them: Camunda keeps a link removed in the
     * same command in the task's list, marked deleted in the command's cache.
     */
    private static List<String> teams(TaskEntity task) {
        DbEntityManager entities = Context.getCommandContext().getDbEntityManager();
        return task.getIdentityLinks().stream()
                .filter(link -> entities.contains(link) && !entities.isDeleted(link))
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLinkEntity::getGroupId).filter(Objects::nonNull).distinct().toList();
    }

    private static boolean isGate(DelegateTask task) {
        return task.getExecution() instanceof ExecutionEntity execution
                && GateParseListener.gateOf(execution.getProcessDefinition().findActivity(task.getTaskDefinitionKey())) != null;
    }

    /**
     * Membership as the identity service holds it now, not as the caller's session remembers it: a
     * person taken out of a team can no longer take its gates, however long their login lasts.
     */
    private static boolean isMemberOfAny(String userId, List<String> groups) {
        CommandContext context = Context.getCommandContext();
        return context.runWithoutAuthorization(() -> groups.stream().anyMatch(group -> context.getReadOnlyIdentityProvider()
                .createUserQuery().userId(userId).memberOfGroup(group).count() > 0));
    }
}
