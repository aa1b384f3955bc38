package dev.baton.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.BatonProperties;
import dev.baton.EngineTestSupport;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SLA due dates count working days: weekends and configured holidays are skipped. */
class WorkingDayCalendarTest {

    private static final OffsetDateTime FRIDAY_NOON = OffsetDateTime.of(2026, 12, 18, 12, 0, 0, 0, ZoneOffset.UTC);

    private static WorkingDayCalendar calendar(List<LocalDate> holidays) {
        BatonProperties p = EngineTestSupport.PROPERTIES;
        return new WorkingDayCalendar(new BatonProperties(p.teamLeads(), p.controlShareTolerancePercent(),
                new BatonProperties.Sla(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), holidays, 17),
                p.campaignCode(), p.demo(), p.notifications(), p.security()));
    }

    @Test
    void oneWorkingDayAfterFridayIsMondayAtTheDueHour() {
        assertThat(calendar(List.of()).addWorkingDays(FRIDAY_NOON, 1))
                .isEqualTo(OffsetDateTime.of(2026, 12, 21, 17, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void holidaysDoNotCount() {
        var christmas = List.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25));
        // Mon 21, Tue 22, Wed 23 count; Thu 24 and Fri 25 are holidays; then Mon 28
        assertThat(calendar(christmas).addWorkingDays(FRIDAY_NOON, 4))
                .isEqualTo(OffsetDateTime.of(2026, 12, 28, 17, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void zeroDaysOnAWeekendIsTheNextWorkingDay() {
        assertThat(calendar(List.of()).addWorkingDays(FRIDAY_NOON.plusDays(1), 0))
                .isEqualTo(OffsetDateTime.of(2026, 12, 21, 17, 0, 0, 0, ZoneOffset.UTC));
        assertThat(calendar(List.of()).addWorkingDays(FRIDAY_NOON, 0))
                .isEqualTo(OffsetDateTime.of(2026, 12, 18, 17, 0, 0, 0, ZoneOffset.UTC));
    }
}
