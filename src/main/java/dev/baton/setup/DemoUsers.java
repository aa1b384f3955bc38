package dev.baton.setup;

import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Demo users (password = user id) in the team groups. Max is in strategy and analytics, to show
 * the four-eyes rule.
 */
@Component
public class DemoUsers {

    public record DemoUser(String id, String firstName, String lastName, List<String> groups) {
    }

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("pat", "Pat", "Morgan", List.of(Teams.PROJECT_MANAGERS)),
            new DemoUser("sara", "Sara", "Lindqvist", List.of(Teams.STRATEGY)),
            new DemoUser("max", "Max", "Weber", List.of(Teams.STRATEGY, Teams.ANALYTICS)),
            new DemoUser("anna", "Anna", "Kowalski", List.of(Teams.ANALYTICS)),
            new DemoUser("tom", "Tom", "Becker", List.of(Teams.ANALYTICS)),
            new DemoUser("eric", "Eric", "Dubois", List.of(Teams.EXECUTION)),
            new DemoUser("ella", "Ella", "Nakamura", List.of(Teams.EXECUTION)),
            new DemoUser("olivia", "Olivia", "Santos", List.of(Teams.OPTIMIZATION)));

    /**
     * Creates the demo users in Baton's groups ({@link TeamAuthorizations} creates the groups and
     * grants); returns false when they existed already.
     */
    public boolean create(ProcessEngine engine) {
        return create(engine.getIdentityService(), DemoUser::id);
    }

    /** The same users with the given passwords (tests use passwords the production policy accepts). */
    public static boolean create(IdentityService identity, Function<DemoUser, String> password) {
        if (identity.createUserQuery().userId("sara").count() > 0) {
            return false;
        }
        for (DemoUser u : USERS) {
            User user = identity.newUser(u.id());
            user.setFirstName(u.firstName());
            user.setLastName(u.lastName());
            user.setEmail(u.id() + "@baton.example");
            user.setPassword(password.apply(u));
            identity.saveUser(user);
            u.groups().forEach(g -> identity.createMembership(u.id(), g));
        }
        return true;
    }
}
