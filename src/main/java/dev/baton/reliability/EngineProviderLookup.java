package dev.baton.reliability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's REST resources look the process engine up through ServiceLoader on every request,
 * which searches every jar for the provider file and reads it again: 5 % of a REST request's CPU
 * on the REST load benchmark. While a request to Camunda's APIs runs, the thread's context class
 * loader answers that one file from a copy (ServiceFileCopies); everything else it delegates to
 * the loader the server had set, which the thread gets back afterwards.
 */
public class EngineProviderLookup extends OncePerRequestFilter {

    static final List<String> COPIED = List.of("META-INF/services/" + ProcessEngineProvider.class.getName());

    /** The copy for the server's request loader (one per application; replaced if that loader changes). */
    private volatile ServiceFileCopies copies;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        if (original == null) {
            chain.doFilter(request, response);
            return;
        }
        thread.setContextClassLoader(copiesFor(original));
        try {
            chain.doFilter(request, response);
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    private ServiceFileCopies copiesFor(ClassLoader original) {
        ServiceFileCopies current = copies;
        if (current == null || current.getParent() != original) {
            current = new ServiceFileCopies(original, COPIED);
            copies = current;
        }
        return current;
    }
}
