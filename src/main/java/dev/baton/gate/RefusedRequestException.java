package dev.baton.gate;

import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * A refused request other than a task completion: a campaign start, a claim or assignment, a
 * message, a user or group. Camunda's REST resources answer 500 for most engine exceptions but
 * pass the status of a {@link RestException} on, so the refusal is thrown as one, carrying 400.
 */
public class RefusedRequestException extends RestException {

    public RefusedRequestException(SubmissionRejectedException rejection) {
        super(Status.BAD_REQUEST, rejection, rejection.forPeople());
    }
}
