package dev.baton.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * firstResult and maxResults must be whole numbers from 0: Camunda's REST API silently answers a
 * negative maxResults with an empty list, which hides a caller's bug.
 */
class PagingParameterGuard extends OncePerRequestFilter {

    private static final List<String> PARAMETERS = List.of("firstResult", "maxResults");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // from the query string only: reading parameters would consume a form-encoded body
        var query = UriComponentsBuilder.newInstance().query(request.getQueryString()).build().getQueryParams();
        for (String name : PARAMETERS) {
            String value = query.getFirst(name);
            if (value != null) {
                try {
                    value = URLDecoder.decode(value, StandardCharsets.UTF_8);
                } catch (IllegalArgumentException badEncoding) {
                    // refused below as not a whole number
                }
            }
            if (value != null && !value.matches("\\d{1,9}")) {
                SecurityResponses.json(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
                        name + " must be a whole number from 0 (was '" + value + "')");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
