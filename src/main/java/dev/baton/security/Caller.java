package dev.baton.security;

import java.util.List;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/** Who runs a command: the user of an HTTP request (REST API or webapps), as the engine knows them. */
record Caller(String userId, List<String> groups, boolean admin) {

    /** The authenticated user of this command, or null for Baton's own code and the job executor. */
    static Caller of(CommandContext context) {
        Authentication authentication = context.getAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return null;
        }
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        return new Caller(authentication.getUserId(), groups,
                context.getAuthorizationManager().isCamundaAdmin(authentication));
    }

    boolean inGroup(String group) {
        return groups.contains(group);
    }
}
