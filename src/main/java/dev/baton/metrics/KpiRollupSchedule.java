package dev.baton.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the daily KPI rollup every baton.metrics.rollup.interval (README, Handoff metrics). */
@Component
@ConditionalOnProperty(name = "baton.metrics.rollup.enabled", havingValue = "true", matchIfMissing = true)
class KpiRollupSchedule {

    private static final Logger log = LoggerFactory.getLogger(KpiRollupSchedule.class);

    private final KpiRollup rollup;
    private final int batchSize;

    KpiRollupSchedule(KpiRollup rollup, @Value("${baton.metrics.rollup.batch-size:5000}") int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("baton.metrics.rollup.batch-size must be at least 1, was " + batchSize);
        }
        this.rollup = rollup;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${baton.metrics.rollup.interval:PT15M}",
            initialDelayString = "${baton.metrics.rollup.initial-delay:PT1M}")
    void rollUp() {
        long started = System.nanoTime();
        long rows = rollup.rollUp(batchSize);
        if (rows > 0) {
            log.info("KPI rollup: {} finished ledger rows summed into daily summaries in {} ms", rows,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
