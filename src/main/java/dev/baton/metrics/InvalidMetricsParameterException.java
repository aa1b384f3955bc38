package dev.baton.metrics;

/** A metrics request parameter that cannot be used; answered with 400 and this message. */
public class InvalidMetricsParameterException extends RuntimeException {

    private final String parameter;

    public InvalidMetricsParameterException(String parameter, String message) {
        super(parameter + ": " + message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
