package dev.baton.reliability;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A REST body that is valid JSON but does not fit the request (an unknown field, a date in the
 * wrong format, text where a number belongs): 400 naming the field and what is wrong. Camunda's own
 * mapper answers these with an empty message; this one takes precedence and still names no Java type.
 */
@Priority(1)
public class JsonMappingMessages implements ExceptionMapper<JsonMappingException> {

    @Override
    public Response toResponse(JsonMappingException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "InvalidRequestException");
        body.put("message", describe(e));
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    public static String describe(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String problem;
        if (e instanceof UnrecognizedPropertyException) {
            problem = "is not a field of this request";
        } else if (e instanceof InvalidFormatException format) {
            problem = "has the wrong format (was '" + abbreviate(String.valueOf(format.getValue())) + "')";
        } else {
            problem = "has the wrong JSON type or shape";
        }
        return (field.isEmpty() ? "the request body" : field) + ": " + problem;
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
