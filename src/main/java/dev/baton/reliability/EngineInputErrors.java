package dev.baton.reliability;

import dev.baton.Causes;
import jakarta.ws.rs.core.Response.Status;
import java.sql.SQLException;
import org.camunda.bpm.dmn.engine.impl.transform.DmnTransformException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.xml.sax.SAXException;

/**
 * Errors the engine or the database raise for input that is simply wrong, and that Camunda's REST
 * layer would answer 500 or with its internals: a message no running campaign waits for, a model
 * that does not parse, a value the database cannot store. Each becomes 400 with a plain message.
 */
final class EngineInputErrors {

    private EngineInputErrors() {
    }

    /** The 400 to answer, or null when the failure is not one of these. */
    static RestException describe(RuntimeException e) {
        var mismatch = Causes.find(e, MismatchingMessageCorrelationException.class);
        if (mismatch.isPresent()) {
            return new RestException(Status.BAD_REQUEST, e, "businessKey: no running campaign or program waits for "
                    + "this message: check messageName and the campaign code; finished and cancelled campaigns take "
                    + "no messages (" + withoutCode(mismatch.get().getMessage()) + ")");
        }
        var model = Causes.find(e, DmnTransformException.class);
        if (model.isPresent()) {
            return new RestException(Status.BAD_REQUEST, e, "data: the decision model cannot be deployed: "
                    + withoutCode(Causes.find(model.get(), t -> t.getCause() == null).orElse(model.get()).getMessage()));
        }
        var xml = Causes.find(e, SAXException.class);
        if (xml.isPresent()) {
            return new RestException(Status.BAD_REQUEST, e, "data: the model cannot be deployed: " + xml.get().getMessage());
        }
        var sql = Causes.find(e, SQLException.class);
        if (sql.isPresent() && sql.get().getSQLState() != null && sql.get().getSQLState().startsWith("22")) {
            return new RestException(Status.BAD_REQUEST, e, "a value cannot be stored: " + dataProblem(sql.get().getSQLState())
                    + "; nothing was changed");
        }
        return null;
    }

    private static String dataProblem(String state) {
        return switch (state) {
            case "22001" -> "a text is longer than its field allows";
            case "22021", "22P05" -> "a text contains a character the database cannot store, such as NUL";
            case "22003" -> "a number is out of range";
            case "22007", "22008" -> "a date or time is not valid";
            default -> "a value has the wrong form";
        };
    }

    private static String withoutCode(String message) {
        return message == null ? "" : message.replaceFirst("^ENGINE-\\d+\\s*", "").replaceFirst("^DMN-\\d+\\s*", "");
    }
}
