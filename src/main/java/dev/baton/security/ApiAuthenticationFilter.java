package dev.baton.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic authentication against Camunda's identity service for Baton's own API and the
 * Prometheus scrape: no or wrong credentials answer 401, a user outside the allowed groups 403.
 * Camunda's login throttling applies (checkPassword counts failed attempts).
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identity;

    ApiAuthenticationFilter(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<BasicCredentials> credentials = BasicCredentials.parse(request.getHeader("Authorization"));
        if (credentials.isEmpty()) {
            SecurityResponses.unauthorized(response, "authentication required: send HTTP Basic credentials of a Baton user");
            return;
        }
        BasicCredentials c = credentials.get();
        if (!identity.checkPassword(c.user(), c.password())) {
            SecurityResponses.unauthorized(response, "unknown user or wrong password");
            return;
        }
        List<String> groups = identity.createGroupQuery().groupMember(c.user()).listPage(0, 200).stream()
                .map(Group::getId).toList();
        ApiUser user = new ApiUser(c.user(), groups);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String refusal = ApiAccessPolicy.refusal(path, user);
        if (refusal != null) {
            SecurityResponses.json(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", refusal);
            return;
        }
        request.setAttribute(ApiUser.ATTRIBUTE, user);
        chain.doFilter(request, response);
    }
}
