package dev.baton.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The same per-client throttle for the webapps' login form (Tasklist, Cockpit, Admin): a client
 * that failed too often waits (429 with Retry-After) before its next password is checked.
 */
class WebappLoginThrottle extends OncePerRequestFilter {

    static final String PATH = "/camunda/api/admin/auth/user/*";

    private final LoginThrottle throttle;

    WebappLoginThrottle(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().contains("/login/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = request.getRemoteAddr();
        Duration wait = throttle.waitFor(client);
        if (!wait.isZero()) {
            response.setHeader("Retry-After", String.valueOf(LoginThrottledException.seconds(wait)));
            SecurityResponses.json(response, 429, "TooManyRequests", "too many failed logins from this address; retry in "
                    + LoginThrottledException.seconds(wait) + " s");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.failed(client);
        } else if (response.getStatus() < 300) {
            throttle.succeeded(client);
        }
    }
}
