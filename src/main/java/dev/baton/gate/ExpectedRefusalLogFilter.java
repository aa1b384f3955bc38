package dev.baton.gate;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import dev.baton.Causes;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.slf4j.Marker;

/**
 * Camunda logs every exception that ends a command at ERROR with its stack trace, a refused
 * form submission included, and a message sent to a campaign that no longer waits for it. Those
 * are expected behaviour, not errors: this drops those events (the {@link SubmissionRejectionInterceptor} logs one INFO line instead) and lets every
 * other error through. Registered in logback-spring.xml.
 */
public class ExpectedRefusalLogFilter extends TurboFilter {

    static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.ERROR || !ENGINE_CONTEXT_LOGGER.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        // Camunda passes the exception as the last format parameter, SLF4J style
        Throwable thrown = t != null ? t
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
        return thrown != null && (SubmissionRejectionInterceptor.find(thrown) != null
                || Causes.find(thrown, MismatchingMessageCorrelationException.class).isPresent())
                ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
