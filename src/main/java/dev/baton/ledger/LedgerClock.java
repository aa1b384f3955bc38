package dev.baton.ledger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The ledger's time is the engine's time, so that ledger rows line up with Camunda's history
 * (and with back-dated demo data and tests that move the engine clock).
 */
public final class LedgerClock {

    private LedgerClock() {
    }

    public static OffsetDateTime now() {
        return ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC);
    }
}
