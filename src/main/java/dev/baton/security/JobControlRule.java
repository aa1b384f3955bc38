package dev.baton.security;

import org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Baton's timers (SLA breaches, measurement windows, review cycles) run on the job executor. Only
 * administrators may run, move, suspend, retry or delete jobs: a project manager firing an SLA timer
 * early would record a breach that did not happen.
 */
class JobControlRule implements CommandRule {

    @Override
    public void check(Command<?> command, Caller caller, CommandContext context) {
        if (caller.admin()) {
            return;
        }
        if (command instanceof ExecuteJobsCmd || command instanceof SetJobDuedateCmd || command instanceof RecalculateJobDuedateCmd
                || command instanceof SetJobRetriesCmd || command instanceof AbstractSetJobsRetriesBatchCmd
                || command instanceof SetJobPriorityCmd || command instanceof SetJobDefinitionPriorityCmd
                || command instanceof AbstractSetJobStateCmd || command instanceof AbstractSetJobDefinitionStateCmd
                || command instanceof DeleteJobCmd
                // the engine records a refused execution as a job failure (retries down) unless refused too
                || command instanceof FailedJobListener) {
            throw new PolicyRefusalException("user '" + caller.userId() + "' may not run, move, retry, suspend or delete "
                    + "jobs: Baton's timers run on their own; administrators manage jobs in Cockpit");
        }
    }
}
