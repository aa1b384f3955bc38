package dev.baton.reliability;

import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.rest.exception.RestException;

/** A Baton rule refused the request: 403 with the rule's message; nothing was changed. */
public class ForbiddenRequestException extends RestException {

    public ForbiddenRequestException(Exception cause) {
        super(Status.FORBIDDEN, cause, cause.getMessage());
    }
}
