package dev.baton.reliability;

import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.rest.exception.RestException;

/** The database is out of reach: REST callers get 503 and may retry; nothing was changed. */
public class DatabaseUnavailableException extends RestException {

    static final String MESSAGE = "the database is not reachable; nothing was changed, retry in a few seconds";

    public DatabaseUnavailableException(Exception cause) {
        super(Status.SERVICE_UNAVAILABLE, cause, MESSAGE);
    }
}
