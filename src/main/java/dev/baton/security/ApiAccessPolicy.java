package dev.baton.security;

import dev.baton.setup.TeamAuthorizations;
import dev.baton.setup.Teams;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * Who may call which part of Baton's own API. Metrics and campaign timelines are for everyone
 * who works campaigns; the outbox (addresses, message bodies) for admins; a user's mail
 * preferences for that user and admins; the Prometheus scrape for admins and the monitoring group.
 */
final class ApiAccessPolicy {

    static final String ADMINS = Groups.CAMUNDA_ADMIN;
    static final String MONITORING = TeamAuthorizations.MONITORING;
    private static final String PREFERENCES = "/api/notification-preferences/";

    static final List<String> CAMPAIGN_READERS;

    static {
        List<String> readers = new ArrayList<>(Teams.WORKING_GROUPS);
        readers.add(ADMINS);
        CAMPAIGN_READERS = List.copyOf(readers);
    }

    private ApiAccessPolicy() {
    }

    /** Null when allowed, else why not (the 403 message). */
    static String refusal(String path, ApiUser user) {
        if (user.isAdmin()) {
            return null;
        }
        if (path.startsWith("/actuator/")) {
            return user.isMemberOfAny(List.of(MONITORING)) ? null
                    : "metrics scraping needs membership in group '" + MONITORING + "' or '" + ADMINS + "'";
        }
        if (path.equals("/api/notifications") || path.startsWith("/api/notifications/")) {
            return "the notification outbox is for group '" + ADMINS + "'";
        }
        if (path.startsWith(PREFERENCES)) {
            String owner = path.substring(PREFERENCES.length());
            return owner.equals(user.id()) ? null
                    : "user '" + user.id() + "' may read and change only their own notification preferences";
        }
        return user.isMemberOfAny(CAMPAIGN_READERS) ? null
                : "user '" + user.id() + "' is in none of the groups that work campaigns " + CAMPAIGN_READERS;
    }
}
