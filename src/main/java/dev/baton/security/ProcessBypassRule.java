package dev.baton.security;

import dev.baton.gate.CommandFields;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractDeleteProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Ways to move a campaign that skip its gates. Starting at an activity, modifying or restarting
 * an instance, skipping listeners or input/output mappings, signalling or triggering an execution
 * directly, and throwing a BPMN error or escalation from a gate all bypass the gate listeners
 * that keep the ledger in step with the engine, so they are refused for every user, administrators
 * included. Campaigns move by completing gates, by the CancelCampaign, PauseProgram and
 * ResumeProgram messages, and by Baton's own timers.
 */
class ProcessBypassRule implements CommandRule {

    @Override
    public void check(Command<?> command, Caller caller, CommandContext context) {
        if (command instanceof StartProcessInstanceAtActivitiesCmd) {
            throw refused("start instructions (starting a campaign at an activity)");
        }
        if (command instanceof StartProcessInstanceCmd) {
            ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) CommandFields.read(command, "instantiationBuilder");
            ProcessInstanceModificationBuilderImpl modification = builder.getModificationBuilder();
            if (modification != null && (modification.isSkipCustomListeners() || modification.isSkipIoMappings()
                    || !modification.getModificationOperations().isEmpty())) {
                throw refused("start instructions and skipping listeners or input/output mappings at start");
            }
        }
        if (command instanceof ModifyProcessInstanceCmd || command instanceof ModifyProcessInstanceAsyncCmd
                || command instanceof AbstractModificationCmd || command instanceof AbstractRestartProcessInstanceCmd) {
            throw refused("process instance modification and restart");
        }
        if (command instanceof AbstractDeleteProcessInstanceCmd || command instanceof DeleteProcessInstanceBatchCmd) {
            if (CommandFields.flag(command, "skipCustomListeners") || CommandFields.flag(command, "skipIoMappings")
                    || CommandFields.flag(command, "skipSubprocesses")) {
                throw refused("deleting a campaign while skipping its listeners, mappings or subprocesses");
            }
        }
        if (command instanceof SignalCmd || command instanceof MessageEventReceivedCmd) {
            throw refused("triggering an execution directly (send the message by name with the campaign code instead)");
        }
        if (command instanceof SignalEventReceivedCmd) {
            SignalEventReceivedBuilderImpl builder = (SignalEventReceivedBuilderImpl) CommandFields.read(command, "builder");
            if (builder.getVariables() != null && !builder.getVariables().isEmpty()) {
                throw refused("signals carrying variables");
            }
        }
        if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
            throw refused("throwing a BPMN error or escalation from a gate");
        }
        if (command instanceof EvaluateStartConditionCmd) {
            throw refused("starting campaigns by condition evaluation");
        }
    }

    private static PolicyRefusalException refused(String what) {
        return new PolicyRefusalException(what + " would move a campaign past its gates and leave the handoff ledger "
                + "out of step with the engine, so Baton refuses it for every user; campaigns move by completing "
                + "gates and by the CancelCampaign, PauseProgram and ResumeProgram messages");
    }
}
