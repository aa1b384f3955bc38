package dev.baton.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads JSON bodies sent to the REST API once: malformed JSON is answered 400 with the parser's
 * message, and task queries (and stored filters) whose {@code orQueries} carry expressions are refused:
 * Camunda 7.24.0 evaluates such expressions although ad-hoc query expressions are off, and an
 * expression can call into the JVM. Baton's own filters use no or-queries, so nothing legitimate
 * is lost.
 */
class OrQueryExpressionGuard extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return "GET".equals(request.getMethod()) || type == null || !type.toLowerCase().contains("json");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        String offending;
        try {
            offending = body.length == 0 ? null : expressionInOrQuery(JSON.readTree(body), false);
        } catch (JsonProcessingException notJson) {
            // Camunda answers some malformed bodies with an empty message; say what is wrong
            SecurityResponses.json(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
                    "the request body is not valid JSON: " + notJson.getOriginalMessage());
            return;
        }
        if (offending != null) {
            SecurityResponses.json(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
                    "orQueries may not contain expressions (found '" + offending + "')");
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** The first field name ending in "Expression" inside an orQueries array, or null. */
    static String expressionInOrQuery(JsonNode node, boolean insideOrQueries) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                String found = expressionInOrQuery(element, insideOrQueries);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (insideOrQueries && field.getKey().endsWith("Expression")) {
                    return field.getKey();
                }
                String found = expressionInOrQuery(field.getValue(), insideOrQueries || field.getKey().equals("orQueries"));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The request again, with the body that was read for the check. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
