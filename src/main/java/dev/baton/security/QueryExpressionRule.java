package dev.baton.security;

import dev.baton.gate.CommandFields;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;

/**
 * Expressions in task queries are evaluated as JUEL, which can call any Java method: one in a
 * query is code execution on the server. Camunda 7.24 refuses them only at the top level of an
 * ad-hoc query; inside {@code orQueries}, in the query that extends a stored filter, or in a stored
 * filter they run. Here every task query is checked wherever it comes from (REST with any or no
 * content type, the webapps, the Java API): ad-hoc queries and filter extensions carry no
 * expression at all, stored filters only the few that Tasklist filters need.
 */
class QueryExpressionRule implements CommandRule {

    /** currentUser(), currentUserGroups(), now(), and dateTime() moved by whole days, weeks, months or hours. */
    static final Pattern STORED_FILTER_EXPRESSIONS = Pattern.compile(
            "\\$\\{\\s*(currentUser\\(\\)|currentUserGroups\\(\\)|now\\(\\)"
                    + "|dateTime\\(\\)(\\.(plus|minus)(Hours|Days|Weeks|Months|Years)\\(\\d{1,4}\\))*(\\.toDate\\(\\))?)\\s*}");

    @Override
    public void check(Command<?> command, Caller caller, CommandContext context) {
        if (command instanceof TaskQueryImpl query) {
            refuseAny(query, "a task query");
        } else if (command instanceof AbstractExecuteFilterCmd) {
            if (CommandFields.read(command, "extendingQuery") instanceof TaskQueryImpl extension) {
                refuseAny(extension, "the query extending a filter");
            }
            String filterId = CommandFields.text(command, "filterId");
            FilterEntity stored = filterId == null ? null : context.getFilterManager().findFilterById(filterId);
            if (stored != null && stored.getQuery() instanceof TaskQueryImpl storedQuery) {
                onlyAllowed(storedQuery, "stored filter '" + stored.getName() + "'");
            }
        } else if (command instanceof SaveFilterCmd) {
            Filter filter = (Filter) CommandFields.read(command, "filter");
            if (filter != null && filter.getQuery() instanceof TaskQueryImpl storedQuery) {
                onlyAllowed(storedQuery, "a stored filter");
            }
        }
    }

    private static void refuseAny(TaskQueryImpl query, String where) {
        List<TaskQueryImpl> parts = query.getQueries();
        for (int i = 0; i < parts.size(); i++) {
            for (Map.Entry<String, String> expression : expressions(parts.get(i)).entrySet()) {
                throw refusal(where, i > 0, expression, "queries may not contain expressions");
            }
        }
    }

    private static void onlyAllowed(TaskQueryImpl query, String where) {
        List<TaskQueryImpl> parts = query.getQueries();
        for (int i = 0; i < parts.size(); i++) {
            for (Map.Entry<String, String> expression : expressions(parts.get(i)).entrySet()) {
                if (expression.getValue() == null || !STORED_FILTER_EXPRESSIONS.matcher(expression.getValue()).matches()) {
                    throw refusal(where, i > 0, expression, "stored filters may use only ${currentUser()}, "
                            + "${currentUserGroups()}, ${now()} and ${dateTime()} moved by whole units");
                }
            }
        }
    }

    private static Map<String, String> expressions(AbstractQuery<?, ?> query) {
        return query.getExpressions() == null ? Map.of() : query.getExpressions();
    }

    private static BadUserRequestException refusal(String where, boolean inOrQueries, Map.Entry<String, String> expression,
                                                   String rule) {
        String shown = expression.getValue() == null ? "" : expression.getValue();
        if (shown.length() > 60) {
            shown = shown.substring(0, 60) + "…";
        }
        // Camunda keys expressions by query method (taskAssignee for assigneeExpression)
        String field = (inOrQueries ? "orQueries." : "") + expression.getKey() + "Expression";
        return new BadUserRequestException(field + ": " + rule + " (found in " + where + ": '" + shown + "')");
    }
}
