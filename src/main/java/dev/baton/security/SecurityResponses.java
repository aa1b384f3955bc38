package dev.baton.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** Error answers written outside Camunda's REST layer, in the shape of Camunda's REST errors (type, message). */
public final class SecurityResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SecurityResponses() {
    }

    public static void json(HttpServletResponse response, int status, String type, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("status", status);
        body.put("message", message);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }

    /** 401 with the Basic challenge, or 429 with Retry-After when the client is throttled. */
    static AuthenticationEntryPoint entryPoint() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            if (e instanceof LoginThrottledException throttled) {
                response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
                json(response, 429, "TooManyRequests", throttled.getMessage());
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"Baton\", charset=\"UTF-8\"");
            boolean triedCredentials = request.getHeader("Authorization") != null;
            json(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", triedCredentials
                    ? "unknown user or wrong password"
                    : "authentication required: send HTTP Basic credentials of a Baton user");
        };
    }

    /** 403 naming the rule the caller does not meet (see {@link ApiAccessRules}). */
    static AccessDeniedHandler accessDenied() {
        return (request, response, e) -> {
            String message = "access denied";
            if (e instanceof AuthorizationDeniedException denied
                    && denied.getAuthorizationResult() instanceof ApiAccessRules.Refusal refusal) {
                message = refusal.reason();
            }
            json(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", message);
        };
    }

    /** The firewall refused an ambiguous request (matrix parameters, encoded separators, dot segments, ...). */
    static RequestRejectedHandler requestRejected() {
        return (request, response, e) -> json(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
                "the request was refused: " + e.getMessage()
                        + "; send the plain path without ';', encoded '/', '\\\\', '%' or '.', or '//' and dot segments");
    }
}
