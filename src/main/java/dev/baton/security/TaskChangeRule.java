package dev.baton.security;

import dev.baton.gate.CommandFields;
import dev.baton.setup.Teams;
import java.util.Set;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDescriptionCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDueDateCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskNameCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * What a user may change on a gate besides its form. Who works a gate is declared in the model
 * (candidate group) and its due date comes from the SLA policy, so only administrators change
 * candidate users and groups, owner, name, description, priority or due date. Everyone who may
 * work a task claims, unclaims, assigns (to a member of the gate's team, checked by the gate) and
 * sets a follow-up date. Comments are for those who work the task: its assignee, its team, project
 * managers and administrators.
 */
class TaskChangeRule implements CommandRule {

    private static final Set<String> FREE_PROPERTIES = Set.of(TaskEntity.ASSIGNEE, TaskEntity.FOLLOW_UP_DATE,
            TaskEntity.DELEGATION);

    @Override
    public void check(Command<?> command, Caller caller, CommandContext context) {
        if (caller.admin()) {
            return;
        }
        if (command instanceof SetTaskNameCmd || command instanceof SetTaskDescriptionCmd
                || command instanceof SetTaskDueDateCmd || command instanceof SetTaskPriorityCmd
                || command instanceof SetTaskOwnerCmd) {
            throw fixed(caller, "name, description, due date, priority and owner");
        }
        if (command instanceof SaveTaskCmd) {
            TaskEntity task = (TaskEntity) CommandFields.read(command, "task");
            if (task != null && task.getRevision() > 0) {
                for (String changed : task.getPropertyChanges().keySet()) {
                    if (!FREE_PROPERTIES.contains(changed)) {
                        throw fixed(caller, changed);
                    }
                }
            }
        }
        if (command instanceof AbstractAddIdentityLinkCmd || command instanceof DeleteIdentityLinkCmd) {
            String type = CommandFields.text(command, "type");
            if (!IdentityLinkType.ASSIGNEE.equals(type)) {
                throw new PolicyRefusalException("user '" + caller.userId() + "' may not change who may work a gate: "
                        + "its team is declared in the campaign model; claim it, or assign it to a member of its team");
            }
        }
        if (command instanceof AddCommentCmd || command instanceof UpdateCommentCmd || command instanceof DeleteTaskCommentCmd) {
            String taskId = CommandFields.text(command, "taskId");
            TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
            if (task == null ? !caller.inGroup(Teams.PROJECT_MANAGERS) : !worksOn(task, caller)) {
                throw new PolicyRefusalException("user '" + caller.userId() + "' may comment only on tasks of their own "
                        + "team (or as a project manager on any campaign)");
            }
        }
    }

    private static boolean worksOn(TaskEntity task, Caller caller) {
        if (caller.userId().equals(task.getAssignee()) || caller.inGroup(Teams.PROJECT_MANAGERS)) {
            return true;
        }
        for (IdentityLinkEntity link : task.getIdentityLinks()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                    && (caller.userId().equals(link.getUserId()) || link.getGroupId() != null && caller.inGroup(link.getGroupId()))) {
                return true;
            }
        }
        return false;
    }

    private static PolicyRefusalException fixed(Caller caller, String what) {
        return new PolicyRefusalException("user '" + caller.userId() + "' may not change a gate's " + what
                + ": the name comes from the gate and the campaign, the due date from the SLA policy; "
                + "a project manager extends an overdue gate from its escalation, administrators may change the rest");
    }
}
