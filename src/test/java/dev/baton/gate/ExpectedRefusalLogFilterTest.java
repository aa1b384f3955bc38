package dev.baton.gate;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

class ExpectedRefusalLogFilterTest {

    private final LoggerContext context = new LoggerContext();
    private final ExpectedRefusalLogFilter filter = new ExpectedRefusalLogFilter();

    @Test
    void dropsTheEnginesErrorForARefusedSubmission() {
        var refusal = new ProcessEngineException("listener failed", new SubmissionRejectedException("offer", "is required"));
        assertThat(filter.decide(null, context.getLogger(ExpectedRefusalLogFilter.ENGINE_CONTEXT_LOGGER), Level.ERROR,
                "ENGINE-16004", null, refusal)).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, context.getLogger(ExpectedRefusalLogFilter.ENGINE_CONTEXT_LOGGER), Level.ERROR,
                "ENGINE-16004 {}", new Object[] {"message", refusal}, null)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void dropsTheEnginesErrorForAMessageNoCampaignWaitsFor() {
        var mismatch = new org.camunda.bpm.engine.MismatchingMessageCorrelationException("CancelCampaign",
                "No process definition or execution matches the parameters");
        assertThat(filter.decide(null, context.getLogger(ExpectedRefusalLogFilter.ENGINE_CONTEXT_LOGGER), Level.ERROR,
                "ENGINE-16004", null, mismatch)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void keepsEveryOtherError() {
        var real = new ProcessEngineException("connection refused");
        assertThat(filter.decide(null, context.getLogger(ExpectedRefusalLogFilter.ENGINE_CONTEXT_LOGGER), Level.ERROR,
                "ENGINE-16004", null, real)).isEqualTo(FilterReply.NEUTRAL);
        var refusal = new SubmissionRejectedException("offer", "is required");
        assertThat(filter.decide(null, context.getLogger("dev.baton.other"), Level.ERROR, "x", null, refusal))
                .isEqualTo(FilterReply.NEUTRAL);
    }
}
