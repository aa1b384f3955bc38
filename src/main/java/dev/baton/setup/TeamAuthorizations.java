package dev.baton.setup;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import dev.baton.campaign.AutomatedCampaignLifecycleProcess;
import dev.baton.campaign.CampaignLifecycleProcess;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Baton's groups and what each may do, in every installation (authorization checks are on):
 * each team sees and works the gates offered to it (Camunda grants a task's candidate group on
 * the task itself, and on that task's history), project managers start, follow and cancel every
 * campaign and read its history, the optimisation
 * manager sets up programs, admins (camunda-admin) have everything. Users are added to the groups
 * in Camunda Admin. Idempotent: missing groups and grants are added at each start, nothing is removed.
 */
@Component
public class TeamAuthorizations {

    public static final String MONITORING = "monitoring";

    private static final List<String[]> GROUPS = List.of(
            new String[] {Teams.PROJECT_MANAGERS, "Project managers"},
            new String[] {Teams.STRATEGY, "Strategy"},
            new String[] {Teams.ANALYTICS, "Analytics"},
            new String[] {Teams.EXECUTION, "Execution"},
            new String[] {Teams.OPTIMIZATION, "Optimisation"},
            new String[] {MONITORING, "Monitoring (Prometheus scrape)"});

    @EventListener
    @Order(0)
    public void onPostDeploy(PostDeployEvent event) {
        apply(event.getProcessEngine());
    }

    public void apply(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        for (String[] g : GROUPS) {
            if (identity.createGroupQuery().groupId(g[0]).count() == 0) {
                Group group = identity.newGroup(g[0]);
                group.setName(g[1]);
                group.setType("WORKFLOW");
                identity.saveGroup(group);
            }
        }
        for (String group : Teams.WORKING_GROUPS) {
            grant(engine, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // read the models (forms, diagrams); history only of the gates offered to the team
            // (enableHistoricInstancePermissions grants that per task), not of every campaign
            grant(engine, group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
            if (!Teams.PROJECT_MANAGERS.equals(group)) {
                revokeHistoryOfEveryCampaign(engine, group);
            }
            grant(engine, group, Resources.DECISION_DEFINITION, "*", Permissions.READ);
        }
        // team names instead of ids wherever Tasklist shows a gate's group ("Analytics", not "analytics")
        for (String[] g : GROUPS) {
            grantEveryone(engine, Resources.GROUP, g[0], Permissions.READ);
        }
        String pm = Teams.PROJECT_MANAGERS;
        for (String definition : List.of(CampaignLifecycleProcess.PROCESS_ID, AutomatedCampaignLifecycleProcess.PROCESS_ID)) {
            grant(engine, pm, Resources.PROCESS_DEFINITION, definition, Permissions.READ, Permissions.CREATE_INSTANCE,
                    Permissions.READ_INSTANCE, Permissions.UPDATE_INSTANCE, Permissions.READ_TASK);
        }
        grant(engine, pm, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE, Permissions.READ, Permissions.UPDATE);
        // project managers follow every campaign, also in its history (Cockpit, the timeline)
        addPermission(engine, pm, Resources.PROCESS_DEFINITION, "*", Permissions.READ_HISTORY);
        grant(engine, pm, Resources.TASK, "*", Permissions.READ);
        grant(engine, pm, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(engine, Teams.OPTIMIZATION, Resources.PROCESS_DEFINITION, AutomatedCampaignLifecycleProcess.PROCESS_ID,
                Permissions.READ, Permissions.CREATE_INSTANCE, Permissions.READ_INSTANCE);
        grant(engine, Teams.OPTIMIZATION, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }

    /**
     * Installations set up before teams' reads were narrowed granted READ_HISTORY on every process
     * definition to every team, which let them read all campaigns' variables through the history API.
     */
    private static void revokeHistoryOfEveryCampaign(ProcessEngine engine, String group) {
        AuthorizationService authorizations = engine.getAuthorizationService();
        for (Authorization a : authorizations.createAuthorizationQuery().groupIdIn(group)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId("*").listPage(0, 10)) {
            if (a.getAuthorizationType() == AUTH_TYPE_GRANT && a.isPermissionGranted(Permissions.READ_HISTORY)) {
                a.removePermission(Permissions.READ_HISTORY);
                authorizations.saveAuthorization(a);
            }
        }
    }

    private static void addPermission(ProcessEngine engine, String group, Resource resource, String resourceId,
                                      Permission permission) {
        AuthorizationService authorizations = engine.getAuthorizationService();
        for (Authorization a : authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).listPage(0, 10)) {
            if (a.getAuthorizationType() == AUTH_TYPE_GRANT) {
                if (!a.isPermissionGranted(permission)) {
                    a.addPermission(permission);
                    authorizations.saveAuthorization(a);
                }
                return;
            }
        }
        grant(engine, group, resource, resourceId, permission);
    }

    /** A global grant (every user) unless one exists on this resource (an admin's edit is kept). */
    private static void grantEveryone(ProcessEngine engine, Resource resource, String resourceId, Permission permission) {
        AuthorizationService authorizations = engine.getAuthorizationService();
        if (authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                .resourceType(resource).resourceId(resourceId).count() > 0) {
            return;
        }
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        authorizations.saveAuthorization(authorization);
    }

    /** Adds the grant unless the group already has one on this resource (an admin's edit is kept). */
    private static void grant(ProcessEngine engine, String group, Resource resource, String resourceId,
                              Permission... permissions) {
        AuthorizationService authorizations = engine.getAuthorizationService();
        long existing = authorizations.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).count();
        if (existing > 0) {
            return;
        }
        Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission p : permissions) {
            authorization.addPermission(p);
        }
        authorizations.saveAuthorization(authorization);
    }
}
