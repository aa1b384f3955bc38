package dev.baton.reliability;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;

/**
 * A query that asks for something Camunda's queries cannot do — a criterion such as
 * {@code withCandidateGroups} inside one of {@code orQueries} — is bad input: 400 naming the
 * criterion, where Camunda answers 500 because its query objects refuse it with a plain engine
 * exception while the REST resource builds the query (before any command runs, so
 * {@link HttpFailureInterceptor} never sees it). Every other engine exception is answered as
 * Camunda answers it.
 */
@Priority(1)
public class QueryUsageMessages extends ProcessEngineExceptionHandler {

    /** Camunda's wording for a criterion an OR query refuses, e.g. "cannot set withCandidateGroups() within 'or' query". */
    private static final Pattern WITHIN_OR = Pattern.compile("cannot (?:set|use) (\\w+)\\(\\) within 'or' query");
    private static final String INVALID_USAGE = "Invalid query usage";

    @Override
    public Response toResponse(ProcessEngineException e) {
        String message = e.getMessage();
        if (e.getClass() != ProcessEngineException.class || message == null || !message.startsWith(INVALID_USAGE)) {
            return super.toResponse(e);
        }
        Matcher criterion = WITHIN_OR.matcher(message);
        String described = criterion.find()
                ? criterion.group(1) + ": cannot be used inside orQueries; set it on the query itself"
                : "orQueries: " + message.substring(INVALID_USAGE.length()).replaceFirst("^:\\s*", "");
        return ExceptionHandlerHelper.getInstance()
                .getResponse(new InvalidRequestException(Response.Status.BAD_REQUEST, e, described + " (nothing was read)"));
    }
}
