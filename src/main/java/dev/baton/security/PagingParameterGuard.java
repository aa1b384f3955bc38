package dev.baton.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * firstResult and maxResults must be whole numbers from 0: Camunda's REST API silently answers a
 * negative maxResults with an empty list, which hides a caller's bug.
 */
class PagingParameterGuard extends OncePerRequestFilter {

    private static final List<String> PARAMETERS = List.of("firstResult", "maxResults");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String name : PARAMETERS) {
            String value = request.getParameter(name);
            if (value != null && !value.matches("\\d{1,9}")) {
                SecurityResponses.json(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
                        name + " must be a whole number from 0 (was '" + value + "')");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
