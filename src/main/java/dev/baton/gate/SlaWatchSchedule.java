package dev.baton.gate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the {@link SlaWatch} every baton.sla.watch.interval on every node; each breach is raised once. */
@Component
@ConditionalOnProperty(name = "baton.sla.watch.enabled", havingValue = "true", matchIfMissing = true)
class SlaWatchSchedule {

    private static final Logger log = LoggerFactory.getLogger(SlaWatchSchedule.class);

    private final SlaWatch watch;

    SlaWatchSchedule(SlaWatch watch) {
        this.watch = watch;
    }

    @Scheduled(fixedDelayString = "${baton.sla.watch.interval:PT1M}", initialDelayString = "${baton.sla.watch.initial-delay:PT20S}")
    void sweep() {
        int raised = watch.sweep();
        if (raised > 0) {
            log.info("SLA watch: {} overdue gate(s) escalated", raised);
        }
    }
}
