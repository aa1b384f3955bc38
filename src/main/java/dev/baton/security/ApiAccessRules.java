package dev.baton.security;

import dev.baton.setup.TeamAuthorizations;
import dev.baton.setup.Teams;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may call which part of Baton's own API and the actuator. Spring Security applies these to the
 * normalized path (after its firewall refused ambiguous ones); a refusal carries the reason the
 * 403 answer names. Metrics and campaign timelines are for everyone who works campaigns; the outbox
 * (addresses, message bodies) for admins; a user's mail preferences for that user and admins; the
 * Prometheus scrape for admins and the monitoring group.
 */
final class ApiAccessRules {

    static final String ADMINS = Groups.CAMUNDA_ADMIN;
    static final String MONITORING = TeamAuthorizations.MONITORING;
    static final String OWNER_VARIABLE = "userId";
    static final List<String> CAMPAIGN_READERS;

    static {
        List<String> readers = new ArrayList<>(Teams.WORKING_GROUPS);
        readers.add(ADMINS);
        CAMPAIGN_READERS = List.copyOf(readers);
    }

    /** A denial that says which rule was not met. */
    static final class Refusal extends AuthorizationDecision {
        private final String reason;

        Refusal(String reason) {
            super(false);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    private ApiAccessRules() {
    }

    static AuthorizationManager<RequestAuthorizationContext> campaignReaders() {
        return anyOf(CAMPAIGN_READERS, user -> "user '" + user + "' is in none of the groups that work campaigns "
                + CAMPAIGN_READERS);
    }

    /** The campaign board: every running campaign at once, for project managers (and admins). */
    static AuthorizationManager<RequestAuthorizationContext> projectManagers() {
        return anyOf(List.of(Teams.PROJECT_MANAGERS, ADMINS), user -> "the campaign board is for group '"
                + Teams.PROJECT_MANAGERS + "'");
    }

    static AuthorizationManager<RequestAuthorizationContext> admins(String what) {
        return anyOf(List.of(ADMINS), user -> what + " is for group '" + ADMINS + "'");
    }

    static AuthorizationManager<RequestAuthorizationContext> scrapers() {
        return anyOf(List.of(ADMINS, MONITORING), user -> "metrics scraping needs membership in group '" + MONITORING
                + "' or '" + ADMINS + "'");
    }

    /** The user named in the path ({userId}), or an admin. */
    static AuthorizationManager<RequestAuthorizationContext> ownerOrAdmin() {
        return rule((user, context) -> user.isAdmin() || user.id().equals(context.getVariables().get(OWNER_VARIABLE)) ? null
                : "user '" + user.id() + "' may read and change only their own notification preferences");
    }

    private static AuthorizationManager<RequestAuthorizationContext> anyOf(List<String> groups, Function<String, String> reason) {
        return rule((user, context) -> user.isMemberOfAny(groups) ? null : reason.apply(user.id()));
    }

    /** Grants when the refusal is null; an anonymous caller is refused (and asked to authenticate). */
    private static AuthorizationManager<RequestAuthorizationContext> rule(
            BiFunction<BatonUser, RequestAuthorizationContext, String> refusal) {
        return new AuthorizationManager<>() {
            @Override
            @SuppressWarnings("deprecation")
            public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
                Optional<BatonUser> user = BatonUser.of(authentication.get());
                if (user.isEmpty()) {
                    return new AuthorizationDecision(false);
                }
                String reason = refusal.apply(user.get(), context);
                return reason == null ? new AuthorizationDecision(true) : new Refusal(reason);
            }
        };
    }
}
