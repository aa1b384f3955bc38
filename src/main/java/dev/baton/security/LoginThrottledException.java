package dev.baton.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed logins from this client: answered 429 with Retry-After, the password is not checked. */
class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("too many failed logins from this address; retry in " + seconds(retryAfter) + " s");
        this.retryAfter = retryAfter;
    }

    long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
