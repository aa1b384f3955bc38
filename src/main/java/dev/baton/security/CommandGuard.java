package dev.baton.security;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cmd.AbstractWritableIdentityServiceCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Baton's rules on every path into the engine: the REST API, the webapps' engine API, Cockpit and
 * Tasklist all end in engine commands, and this interceptor sees each one inside its command
 * context, before it runs. Rules about what users may do apply to the outermost command of an
 * authenticated user; nested commands are the engine's own work. A refusal rolls nothing back
 * because nothing ran yet. After a change to users, groups or memberships commits, verified API
 * credentials are forgotten.
 */
public class CommandGuard extends CommandInterceptor {

    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

    private final List<CommandRule> everyCommand;
    private final List<CommandRule> userCommands;
    private final VerifiedCredentials verified;

    CommandGuard(List<CommandRule> everyCommand, List<CommandRule> userCommands, VerifiedCredentials verified) {
        this.everyCommand = everyCommand;
        this.userCommands = userCommands;
        this.verified = verified;
    }

    @Override
    public <T> T execute(Command<T> command) {
        int depth = DEPTH.get();
        DEPTH.set(depth + 1);
        try {
            CommandContext context = Context.getCommandContext();
            Caller caller = Caller.of(context);
            for (CommandRule rule : everyCommand) {
                rule.check(command, caller, context);
            }
            if (depth == 0 && caller != null) {
                for (CommandRule rule : userCommands) {
                    rule.check(command, caller, context);
                }
            }
            if (command instanceof AbstractWritableIdentityServiceCmd<?> && verified != null) {
                context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                        committed -> verified.forgetAll());
            }
            return next.execute(command);
        } finally {
            if (depth == 0) {
                DEPTH.remove();
            } else {
                DEPTH.set(depth);
            }
        }
    }
}
