package dev.baton.setup;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Baton's shared Tasklist filters, readable by every working group. Created once, found again
 * by name, so restarts and user edits are kept.
 */
@Component
public class TasklistFilters {

    public static final String MY_TEAMS_GATES = "My team's gates";
    public static final String OVERDUE_GATES = "Overdue gates";
    public static final String RETURNED_TO_ME = "Returned to me";

    public void create(ProcessEngine engine) {
        var tasks = engine.getTaskService();
        create(engine, MY_TEAMS_GATES, -10, "#2a9d8f", "Open gates of your teams, soonest due first",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .orderByDueDate().asc());
        create(engine, OVERDUE_GATES, -9, "#e63946", "Gates past their SLA due date, oldest first",
                tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc());
        create(engine, RETURNED_TO_ME, -8, "#f4a261", "Work your team handed on and got back, with the reason",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .taskVariableValueEquals("returnedToSender", true).orderByDueDate().asc());
    }

    private void create(ProcessEngine engine, String name, int priority, String color, String description,
                        TaskQuery query) {
        FilterService filters = engine.getFilterService();
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(name).setOwner(null).setQuery(query)
                .setProperties(Map.of("priority", priority, "color", color, "description", description,
                        "refresh", true));
        filters.saveFilter(filter);
        AuthorizationService authorizations = engine.getAuthorizationService();
        for (String group : Teams.WORKING_GROUPS) {
            var read = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            read.setGroupId(group);
            read.setResource(Resources.FILTER);
            read.setResourceId(filter.getId());
            read.addPermission(Permissions.READ);
            authorizations.saveAuthorization(read);
        }
    }
}
