package dev.baton.gate;

import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * A refused campaign request on the process start endpoints. Camunda's REST start resource
 * answers 500 for any engine exception but passes the status of a {@link RestException} on,
 * so a refused start is thrown as one, carrying 400.
 */
public class RejectedStartException extends RestException {

    public RejectedStartException(SubmissionRejectedException rejection) {
        super(Status.BAD_REQUEST, rejection, rejection.getMessage());
    }
}
