package dev.baton.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Error answers written by Baton's servlet filters, in the shape of Camunda's REST errors (type, message). */
public final class SecurityResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SecurityResponses() {
    }

    static void unauthorized(HttpServletResponse response, String message) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Baton\"");
        json(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", message);
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
}
