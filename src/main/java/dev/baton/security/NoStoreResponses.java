package dev.baton.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * API answers carry campaign data: no cache (browser, proxy) may keep them. Camunda's REST API sets
 * its own "Cache-Control: no-cache" (revalidate, but store), which this replaces.
 */
class NoStoreResponses extends OncePerRequestFilter {

    static final String CACHE_CONTROL = "Cache-Control";
    static final String NO_STORE = "no-cache, no-store, max-age=0, must-revalidate";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(CACHE_CONTROL, NO_STORE);
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, CACHE_CONTROL.equalsIgnoreCase(name) ? NO_STORE : value);
            }

            @Override
            public void addHeader(String name, String value) {
                if (CACHE_CONTROL.equalsIgnoreCase(name)) {
                    super.setHeader(name, NO_STORE);
                } else {
                    super.addHeader(name, value);
                }
            }
        });
    }
}
