package dev.baton.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the {@link HistoricPermissionSweep} every baton.history.permission-sweep.interval on every node. */
@Component
@ConditionalOnProperty(name = "baton.history.permission-sweep.enabled", havingValue = "true", matchIfMissing = true)
class HistoricPermissionSweepSchedule {

    private static final Logger log = LoggerFactory.getLogger(HistoricPermissionSweepSchedule.class);

    private final HistoricPermissionSweep sweep;

    HistoricPermissionSweepSchedule(HistoricPermissionSweep sweep) {
        this.sweep = sweep;
    }

    @Scheduled(fixedDelayString = "${baton.history.permission-sweep.interval:PT1H}",
            initialDelayString = "${baton.history.permission-sweep.initial-delay:PT5M}")
    void sweep() {
        int removed = sweep.sweep();
        if (removed > 0) {
            log.info("Removed {} historic task permission(s) whose history the history cleanup had deleted", removed);
        }
    }
}
