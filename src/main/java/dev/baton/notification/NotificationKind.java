package dev.baton.notification;

/**
 * What Baton tells people by e-mail. Informational kinds can be switched off by each user;
 * returns and SLA escalations cannot, because someone has to act on them.
 */
public enum NotificationKind {
    BATON_ARRIVED(true),
    HANDOFF_RETURNED(false),
    SLA_BREACHED(false),
    GATE_REMINDER(false),
    GATE_REASSIGNED(false),
    GATE_DUE_DATE_MOVED(false),
    CAMPAIGN_LAUNCHED(true),
    RESULT_READ_OUT(true);

    private final boolean informational;

    NotificationKind(boolean informational) {
        this.informational = informational;
    }

    public boolean informational() {
        return informational;
    }
}
