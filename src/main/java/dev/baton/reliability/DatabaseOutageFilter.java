package dev.baton.reliability;

import dev.baton.security.SecurityResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter: whatever fails because the database is out of reach (authentication
 * look-ups, Baton's own API, the webapps) answers 503 with Retry-After and a JSON message,
 * instead of a 500 page.
 */
public class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!DatabaseOutage.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warn("Database unreachable, answered 503: {} {}", request.getMethod(), request.getRequestURI());
            response.reset();
            response.setHeader("Retry-After", "5");
            SecurityResponses.json(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "DatabaseUnavailable",
                    DatabaseUnavailableException.MESSAGE);
        }
    }
}
