package dev.baton.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A refused completion, as Tasklist shows it, starts with the field's label: Camunda's REST
 * resources put "Cannot submit task form &lt;task id&gt;: " (or "Cannot complete task …") before
 * every refusal, which tells the person nothing and makes the error panel two lines taller. This
 * drops that prefix from the 400 answers of task completions; the rest of the answer is unchanged.
 */
public class ShortRefusalMessages extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ENGINE_PREFIX = Pattern.compile("^Cannot (?:submit task form|complete task) [^\\s:]+: (.+)$",
            Pattern.DOTALL);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !"POST".equals(request.getMethod()) || !(uri.endsWith("/submit-form") || uri.endsWith("/complete"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, answer);
            if (answer.getStatus() == HttpServletResponse.SC_BAD_REQUEST) {
                byte[] shortened = shortened(answer.getContentAsByteArray());
                if (shortened != null) {
                    answer.resetBuffer();
                    answer.getOutputStream().write(shortened);
                }
            }
        } finally {
            answer.copyBodyToResponse();
        }
    }

    /** The answer without the engine's prefix, or null when it has none (or is no JSON object). */
    static byte[] shortened(byte[] body) {
        try {
            if (!(JSON.readTree(body) instanceof ObjectNode answer) || !answer.path("message").isTextual()) {
                return null;
            }
            Matcher prefixed = ENGINE_PREFIX.matcher(answer.get("message").asText());
            if (!prefixed.matches()) {
                return null;
            }
            answer.put("message", prefixed.group(1));
            return JSON.writeValueAsBytes(answer);
        } catch (IOException notJson) {
            return null;
        }
    }
}
