package dev.baton.reliability;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import dev.baton.security.SecurityResponses;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Clear answers for malformed bodies sent to Camunda's REST API (also as the webapps call it):
 * JSON that does not parse, or a variables map sent as something else than an object, is answered
 * 400 naming the problem (Camunda answers these with an empty message). Not a security control:
 * expressions and variables are checked in the engine (security.CommandGuard), whatever the content type.
 */
public class JsonBodyCheck extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> VARIABLE_MAPS = List.of("variables", "processVariables", "processVariablesLocal",
            "processVariablesToTriggeredScope", "correlationKeys", "localCorrelationKeys", "modifications");
    /** Requests whose variables are maps; in queries the same names are lists of conditions. */
    static final List<String> CARRYING_VARIABLES = List.of("/complete", "/submit-form", "/resolve", "/start", "/message",
            "/signal", "/variables", "/localVariables", "/trigger");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return "GET".equals(request.getMethod()) || "DELETE".equals(request.getMethod())
                || type != null && !type.toLowerCase(Locale.ROOT).contains("json");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        String problem = null;
        if (body.length > 0) {
            try {
                JsonNode json = JSON.readTree(body);
                problem = carriesVariables(request) ? variableMapProblem(json) : null;
            } catch (JsonProcessingException notJson) {
                problem = "the request body is not valid JSON: " + notJson.getOriginalMessage();
            }
        }
        if (problem != null) {
            SecurityResponses.json(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", problem);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private static boolean carriesVariables(HttpServletRequest request) {
        String path = request.getRequestURI();
        return CARRYING_VARIABLES.stream().anyMatch(path::endsWith);
    }

    /** A variables map that is not an object of objects, named; else null. */
    static String variableMapProblem(JsonNode root) {
        if (root == null || !root.isObject()) {
            return null;
        }
        for (String field : VARIABLE_MAPS) {
            JsonNode map = root.get(field);
            if (map == null || map.isNull()) {
                continue;
            }
            if (!map.isObject()) {
                return field + ": must be a JSON object of variables, {\"name\": {\"value\": ..., \"type\": ...}} (was "
                        + map.getNodeType().name().toLowerCase(Locale.ROOT) + ")";
            }
            for (Iterator<Map.Entry<String, JsonNode>> entries = map.fields(); entries.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = entries.next();
                if (!entry.getValue().isObject() && !entry.getValue().isNull()) {
                    return field + "." + entry.getKey() + ": must be an object {\"value\": ..., \"type\": ...} (was "
                            + entry.getValue().getNodeType().name().toLowerCase(Locale.ROOT) + ")";
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
