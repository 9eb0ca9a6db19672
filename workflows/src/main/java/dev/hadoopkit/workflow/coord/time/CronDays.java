package dev.hadoopkit.workflow.coord.time;

import dev.hadoopkit.workflow.coord.time.CronParser.DomField;
import dev.hadoopkit.workflow.coord.time.CronParser.DowField;
import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The day fields of a {@link CronExpression} after Oozie's rewrite: which of the two restricts the day
 * ({@code mode}), and whether a date matches ({@code L}, {@code W}, {@code LW}, {@code 6L}, {@code 6#3} as Quartz).
 */
record CronDays(Mode mode, DomField dom, DowField dow) {

    /** Which field decides: one of them, or either (both specific: a day matches if one of them matches). */
    enum Mode { DAY_OF_MONTH, DAY_OF_WEEK, EITHER }

    boolean matches(LocalDate date) {
        return switch (mode) {
            case DAY_OF_MONTH -> dayOfMonthMatches(date);
            case DAY_OF_WEEK -> dayOfWeekMatches(date);
            case EITHER -> dayOfMonthMatches(date) || dayOfWeekMatches(date);
        };
    }

    private boolean dayOfMonthMatches(LocalDate date) {
        int day = date.getDayOfMonth();
        int length = date.lengthOfMonth();
        if (dom.last()) {
            return day == Math.max(1, length - dom.lastOffset());
        }
        if (dom.lastWeekday()) {
            LocalDate last = date.withDayOfMonth(length);
            return day == nearestWeekdayInMonth(last).getDayOfMonth();
        }
        if (dom.nearestWeekday() > 0) {
            if (dom.nearestWeekday() > length) {
                return false;
            }
            return day == nearestWeekdayInMonth(date.withDayOfMonth(dom.nearestWeekday())).getDayOfMonth();
        }
        return CronExpression.bit(dom.bits(), day);
    }

    /** Quartz's W: Saturday goes to Friday and Sunday to Monday, but never into another month. */
    private static LocalDate nearestWeekdayInMonth(LocalDate d) {
        int length = d.lengthOfMonth();
        if (d.getDayOfWeek() == DayOfWeek.SATURDAY) {
            return d.getDayOfMonth() == 1 ? d.plusDays(2) : d.minusDays(1);
        }
        if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return d.getDayOfMonth() == length ? d.minusDays(2) : d.plusDays(1);
        }
        return d;
    }

    private boolean dayOfWeekMatches(LocalDate date) {
        int day = date.getDayOfWeek().getValue() % 7 + 1; // SUN=1 .. SAT=7
        if (dow.lastOf() > 0) {
            return day == dow.lastOf() && date.plusDays(7).getMonthValue() != date.getMonthValue();
        }
        if (dow.nthDay() > 0) {
            return day == dow.nthDay() && (date.getDayOfMonth() - 1) / 7 + 1 == dow.nth();
        }
        return CronExpression.bit(dow.bits(), day);
    }
}
