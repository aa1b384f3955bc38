package dev.baton.security;

import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * A campaign's variables are written only through the gate that owns them (completing its form,
 * where they are validated and recorded in the ledger) and by Baton itself. Setting, changing or
 * removing variables of a task, process instance or execution directly — one at a time, as a
 * patch, or as a batch — is refused for every user, administrators included, because it would
 * leave the ledger describing a different campaign than the engine runs.
 */
class VariableWriteRule implements CommandRule {

    @Override
    public void check(Command<?> command, Caller caller, CommandContext context) {
        if (command instanceof AbstractSetVariableCmd || command instanceof AbstractRemoveVariableCmd
                || command instanceof AbstractPatchVariablesCmd || command instanceof SetVariablesToProcessInstancesBatchCmd) {
            throw new PolicyRefusalException("campaign variables are written only by completing the gate that owns "
                    + "them (task complete or submit-form), where they are validated and recorded in the ledger; "
                    + "setting or removing variables directly is refused for every user");
        }
    }
}
