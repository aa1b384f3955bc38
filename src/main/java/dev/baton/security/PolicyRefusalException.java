package dev.baton.security;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A command a Baton rule does not allow this caller (or anyone) to run. An AuthorizationException,
 * so the engine logs it quietly and Java callers see the usual type; HTTP callers get 403 with this
 * message (reliability.HttpFailureInterceptor), also where a REST resource would hide it.
 */
public class PolicyRefusalException extends AuthorizationException {

    public PolicyRefusalException(String message) {
        super(message);
    }
}
