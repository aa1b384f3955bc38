package dev.baton.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resolves notification events to people, outside the gate's transaction: a group stands for its
 * members (at most {@value #MAX_GROUP_RECIPIENTS}), each person gets one row with their address,
 * informational mail skips those who opted out. Each event is resolved once, by one node, in one
 * transaction (taking it and writing its rows commit together).
 */
@Component
public class NotificationFanOut {

    /** A group notification goes to at most this many members (the engine bounds queries). */
    static final int MAX_GROUP_RECIPIENTS = 500;
    static final int EVENTS_PER_RUN = 200;

    private final NotificationOutbox outbox;
    private final IdentityService identity;
    private final TransactionTemplate transaction;
    private final CampaignLinks links;

    public NotificationFanOut(NotificationOutbox outbox, IdentityService identity, PlatformTransactionManager transactions,
                              CampaignLinks links) {
        this.links = links;
        this.outbox = outbox;
        this.identity = identity;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Resolves the events written so far; returns how many this node resolved. */
    public int expand() {
        int expanded = 0;
        for (NotificationOutbox.Event event : outbox.unexpandedEvents(EVENTS_PER_RUN)) {
            Boolean mine = transaction.execute(status -> expand(event));
            if (Boolean.TRUE.equals(mine)) {
                expanded++;
            }
        }
        return expanded;
    }

    private boolean expand(NotificationOutbox.Event event) {
        if (!outbox.claimEvent(event.id(), dev.baton.ledger.LedgerClock.now())) {
            return false;
        }
        Map<String, String> people = people(event.parties());
        Set<String> optedOut = event.kind().informational() ? outbox.optedOutOfInformational(people.keySet()) : Set.of();
        Map<String, String> linkLines = withoutCaller(() -> {
            Map<String, String> lines = new LinkedHashMap<>();
            people.keySet().forEach(user -> lines.put(user, links.lineFor(user, event.businessKey(), event.kind())));
            return lines;
        });
        people.forEach((user, email) -> {
            if (!optedOut.contains(user)) {
                outbox.add(event.kind(), event.businessKey(), user, email, event.subject(),
                        event.body() + linkLines.get(user), event.createdAt());
            }
        });
        return true;
    }

    /**
     * user id → e-mail address (null when the user has none or is unknown), looked up without the
     * caller's authorizations: whoever caused the event may not see the members of the team told.
     */
    private Map<String, String> people(List<String> parties) {
        return withoutCaller(() -> {
            Map<String, String> people = new LinkedHashMap<>();
            for (String party : parties.stream().filter(p -> !p.isBlank()).distinct().toList()) {
                if (identity.createGroupQuery().groupId(party).count() > 0) {
                    identity.createUserQuery().memberOfGroup(party).orderByUserId().asc().listPage(0, MAX_GROUP_RECIPIENTS)
                            .forEach(u -> people.putIfAbsent(u.getId(), email(u)));
                } else {
                    User user = identity.createUserQuery().userId(party).singleResult();
                    people.putIfAbsent(party, user == null ? null : email(user));
                }
            }
            return people;
        });
    }

    /** Runs a look-up without the caller's authorizations, then restores them. */
    private <T> T withoutCaller(java.util.function.Supplier<T> lookUp) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return lookUp.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    private static String email(User user) {
        return user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail();
    }
}
