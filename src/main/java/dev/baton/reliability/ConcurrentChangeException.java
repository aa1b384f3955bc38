package dev.baton.reliability;

import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.rest.exception.RestException;

/** Someone else changed the same campaign at the same moment: 409, nothing of this request was applied. */
public class ConcurrentChangeException extends RestException {

    public ConcurrentChangeException(Exception cause) {
        super(Status.CONFLICT, cause, "the campaign or task was changed by someone else first (" + cause.getMessage() + "); "
                + "nothing of this request was applied: reload it and try again");
    }
}
