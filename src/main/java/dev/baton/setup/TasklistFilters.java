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
                        .taskNameLike(RETURNED_NAME_PATTERN).orderByDueDate().asc());
    }

    /** A returned gate says so in its name (GateService); the name is what Tasklist lists and filters. */
    static final String RETURNED_NAME_PATTERN = "%(returned, attempt %";

    /**
     * Before the form context was computed on reading, "Returned to me" filtered on the task
     * variable returnedToSender, which gates no longer store: such a filter gets the new query.
     */
    private static boolean outdated(Filter filter) {
        return filter.getQuery() instanceof org.camunda.bpm.engine.impl.TaskQueryImpl query
                && query.getVariables().stream().anyMatch(v -> "returnedToSender".equals(v.getName()));
    }

    private void create(ProcessEngine engine, String name, int priority, String color, String description,
                        TaskQuery query) {
        FilterService filters = engine.getFilterService();
        Filter existing = filters.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            if (outdated(existing)) {
                filters.saveFilter(existing.setQuery(query));
            }
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
