package dev.baton.gate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as the forms show them to people: "Fri 27 Nov 2026, 17:00 UTC", in UTC like the SLA's due hour. */
public final class PeopleDates {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private PeopleDates() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }
}
