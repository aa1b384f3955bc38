package dev.baton.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda Admin's first-user setup (/camunda/api/admin/setup/...) creates an administrator
 * whenever no member of camunda-admin exists. Baton creates its administrator from the
 * environment, so the endpoint is never needed and is closed for good.
 */
class SetupEndpointBlock extends OncePerRequestFilter {

    static final String PATH = "/camunda/api/admin/setup/*";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityResponses.json(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                "Camunda Admin's first-user setup is disabled in Baton: the administrator comes from "
                        + "CAMUNDA_BPM_ADMINUSER_ID and CAMUNDA_BPM_ADMINUSER_PASSWORD");
    }
}
