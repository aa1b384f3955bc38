package dev.baton.gate;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * A task offered to teams (candidate groups) can only be held by a member of one of them, however
 * it is assigned: claim, assignee, delegation, task update, REST, webapps or Java. Attached to
 * every user task as a built-in listener, which skipping custom listeners cannot skip; otherwise
 * the ledger would show a strategy gate done by analytics.
 */
public class TeamAssignmentCheck extends AbstractBpmnParseListener implements TaskListener {

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                .addBuiltInTaskListener(EVENTNAME_ASSIGNMENT, this);
    }

    @Override
    public void notify(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee == null) {
            return;
        }
        List<String> teams = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
        if (teams.isEmpty() || isMemberOfAny(assignee, teams)) {
            return;
        }
        throw new SubmissionRejectedException("assignee", "'" + assignee + "' is not a member of "
                + String.join(" or ", teams) + ", the team that works '" + task.getName()
                + "'; assign it to a member of " + String.join(" or ", teams));
    }

    private static boolean isMemberOfAny(String userId, List<String> groups) {
        CommandContext context = Context.getCommandContext();
        org.camunda.bpm.engine.impl.identity.Authentication caller = context.getAuthentication();
        if (caller != null && userId.equals(caller.getUserId()) && caller.getGroupIds() != null
                && groups.stream().anyMatch(caller.getGroupIds()::contains)) {
            // a user claiming for themselves: their groups are those every authorization check of this call uses
            return true;
        }
        return context.runWithoutAuthorization(() -> groups.stream().anyMatch(group -> context.getReadOnlyIdentityProvider()
                .createUserQuery().userId(userId).memberOfGroup(group).count() > 0));
    }
}
