package dev.baton.setup;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import dev.baton.campaign.AutomatedCampaignLifecycleProcess;
import dev.baton.campaign.CampaignLifecycleProcess;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Demo users (password = user id), one group per team, and the authorizations that let each
 * team see its own work. Max is in strategy and analytics, to show the four-eyes rule.
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

    private static final List<String[]> GROUPS = List.of(
            new String[] {Teams.PROJECT_MANAGERS, "Project managers"},
            new String[] {Teams.STRATEGY, "Strategy"},
            new String[] {Teams.ANALYTICS, "Analytics"},
            new String[] {Teams.EXECUTION, "Execution"},
            new String[] {Teams.OPTIMIZATION, "Optimisation"});

    /** Creates what is missing; returns false when the demo users existed already. */
    public boolean create(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId("sara").count() > 0) {
            return false;
        }
        for (String[] g : GROUPS) {
            if (identity.createGroupQuery().groupId(g[0]).count() == 0) {
                Group group = identity.newGroup(g[0]);
                group.setName(g[1]);
                group.setType("WORKFLOW");
                identity.saveGroup(group);
            }
        }
        for (DemoUser u : USERS) {
            User user = identity.newUser(u.id());
            user.setFirstName(u.firstName());
            user.setLastName(u.lastName());
            user.setEmail(u.id() + "@baton.example");
            user.setPassword(u.id());
            identity.saveUser(user);
            u.groups().forEach(g -> identity.createMembership(u.id(), g));
        }
        authorize(engine);
        return true;
    }

    private static void authorize(ProcessEngine engine) {
        for (String group : Teams.WORKING_GROUPS) {
            grant(engine, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // read the models (forms, diagrams) and a campaign's history (Tasklist's History tab);
            // tasks come with their candidate group's permission
            grant(engine, group, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
            grant(engine, group, Resources.DECISION_DEFINITION, "*", Permissions.READ);
        }
        // project managers start, follow and cancel campaigns, and chase every gate
        String pm = Teams.PROJECT_MANAGERS;
        for (String definition : List.of(CampaignLifecycleProcess.PROCESS_ID, AutomatedCampaignLifecycleProcess.PROCESS_ID)) {
            grant(engine, pm, Resources.PROCESS_DEFINITION, definition, Permissions.READ, Permissions.CREATE_INSTANCE,
                    Permissions.READ_INSTANCE, Permissions.UPDATE_INSTANCE, Permissions.READ_TASK);
        }
        grant(engine, pm, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE, Permissions.READ, Permissions.UPDATE);
        grant(engine, pm, Resources.TASK, "*", Permissions.READ);
        grant(engine, pm, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        // the optimisation manager sets up programs and follows them
        grant(engine, Teams.OPTIMIZATION, Resources.PROCESS_DEFINITION, AutomatedCampaignLifecycleProcess.PROCESS_ID,
                Permissions.READ, Permissions.CREATE_INSTANCE, Permissions.READ_INSTANCE);
        grant(engine, Teams.OPTIMIZATION, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }

    private static void grant(ProcessEngine engine, String group, Resource resource, String resourceId,
                              Permission... permissions) {
        AuthorizationService authorizations = engine.getAuthorizationService();
        var authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission p : permissions) {
            authorization.addPermission(p);
        }
        authorizations.saveAuthorization(authorization);
    }
}
