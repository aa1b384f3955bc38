package dev.baton.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the authenticated API caller to the process engine for the duration of the request, as
 * Camunda's ProcessEngineAuthenticationFilter would: authorization checks, the ledger's "who
 * decided" and Baton's write rules all see this user and its groups.
 */
class EngineAuthenticationBinding extends OncePerRequestFilter {

    private final IdentityService identity;

    EngineAuthenticationBinding(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<BatonUser> user = BatonUser.current();
        if (user.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        identity.setAuthentication(user.get().id(), user.get().groups(), user.get().tenants());
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }
}
