package dev.baton.gate;

import dev.baton.BatonProperties;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/** Adds working days: weekends and configured holidays do not count (baton.sla.*). */
@Component
public class WorkingDayCalendar {

    private final BatonProperties.Sla sla;

    public WorkingDayCalendar(BatonProperties properties) {
        this.sla = properties.sla();
    }

    /** The due moment: the end of the working day that lies {@code workingDays} after {@code from}. */
    public OffsetDateTime addWorkingDays(OffsetDateTime from, int workingDays) {
        LocalDate day = from.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        int left = Math.max(workingDays, 0);
        while (left > 0 || !isWorkingDay(day)) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day.atTime(sla.dueHour(), 0).atOffset(ZoneOffset.UTC);
    }

    /** A gate due on this day: at the SLA's due hour, UTC. */
    public OffsetDateTime dueOn(LocalDate day) {
        return day.atTime(sla.dueHour(), 0).atOffset(ZoneOffset.UTC);
    }

    public boolean isWorkingDay(LocalDate day) {
        return !sla.weekend().contains(day.getDayOfWeek()) && !sla.holidays().contains(day);
    }
}
