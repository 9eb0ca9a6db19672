package dev.hadoopkit.workflow.coord.time;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A 5-field cron expression (minute hour day-of-month month day-of-week) with the semantics Oozie gives it.
 *
 * <p>Oozie prepends a seconds field of "0" and hands the text to Quartz's CronExpression, so the syntax is
 * Quartz's: lists, ranges, steps (*&#47;15, 5-20/5, 10/20), month and day names (JAN, MON), {@code ?}, {@code L}
 * (last day of month, {@code L-3}), {@code W} (nearest weekday, {@code 15W}, {@code LW}), {@code 6L} (last Friday)
 * and {@code 6#3} / {@code FRI#3} (third Friday); day-of-week counts 1=SUN..7=SAT.
 *
 * <p>Quartz cannot combine day-of-month and day-of-week, so Oozie (CoordCommandUtils
 * .getNextValidActionTimeForCronFrequency) rewrites the expression first, and {@link CronParser} does the same:
 * <ul>
 *   <li>one of the two fields is {@code ?}: only the other one restricts the day;</li>
 *   <li>day-of-month is {@code *}: it becomes {@code ?}, so day-of-week alone decides ({@code * * * * *} is every
 *   minute); otherwise a {@code *} day-of-week becomes {@code ?};</li>
 *   <li>both are specific: Oozie evaluates one expression per field and takes the earlier time, so a day matches if
 *   either field matches (as in Unix cron).</li>
 * </ul>
 *
 * <p>Times are wall-clock fields of the zone of the time passed in (Oozie itself evaluates cron frequencies in its
 * processing zone, UTC; see {@link NominalTimes}). As Quartz does: a wall-clock time inside a DST gap does not occur
 * and is skipped; in a DST overlap the wall clock only moves forward, so the repeated hour is not matched twice.
 */
final class CronExpression {

    /** The Gregorian calendar repeats every 400 years: a day pattern not met in that span is never met. */
    private static final int SEARCH_YEARS = 401;

    private final String text;
    private final long minutes;
    private final long hours;
    private final long months;
    private final CronDays days;

    CronExpression(String text, long minutes, long hours, long months, CronDays days) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.months = months;
        this.days = days;
    }

    /** Parses a 5-field expression; IllegalArgumentException naming the field and value that is wrong. */
    public static CronExpression parse(String text) {
        return CronParser.parse(text);
    }

    /** The expression's text, whitespace normalized. */
    public String text() {
        return text;
    }

    /**
     * The first matching time strictly after {@code after}, in after's zone (wall-clock fields of that zone; DST gaps
     * skipped, overlaps matched once, as Quartz), or empty if none ever (e.g. '0 0 30 2 ?').
     */
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        LocalDateTime from = after.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate date = from.toLocalDate();
        LocalDate limit = date.plusYears(SEARCH_YEARS);
        boolean firstDay = true;
        while (!date.isAfter(limit)) {
            if (!bit(months, date.getMonthValue())) {
                date = date.withDayOfMonth(1).plusMonths(1);
                firstDay = false;
                continue;
            }
            if (days.matches(date)) {
                int startHour = firstDay ? from.getHour() : 0;
                for (int h = startHour; h <= 23; h++) {
                    if (!bit(hours, h)) {
                        continue;
                    }
                    int startMinute = firstDay && h == from.getHour() ? from.getMinute() : 0;
                    for (int m = startMinute; m <= 59; m++) {
                        if (!bit(minutes, m)) {
                            continue;
                        }
                        LocalDateTime local = LocalDateTime.of(date, LocalTime.of(h, m));
                        ZonedDateTime zoned = ZonedDateTime.ofLocal(local, after.getZone(), after.getOffset());
                        if (zoned.toLocalDateTime().equals(local) && zoned.isAfter(after)) {
                            return Optional.of(zoned);
                        }
                    }
                }
            }
            date = date.plusDays(1);
            firstDay = false;
        }
        return Optional.empty();
    }

    /** Whether {@code time} (to the second) is one of this expression's times, by the wall clock of its zone. */
    public boolean matches(ZonedDateTime time) {
        return time.getSecond() == 0 && time.getNano() == 0
                && bit(minutes, time.getMinute()) && bit(hours, time.getHour())
                && bit(months, time.getMonthValue()) && days.matches(time.toLocalDate());
    }

    /**
     * The smallest gap two consecutive times can have, from the minute and hour fields (the day fields can only make
     * gaps longer, DST changes can shorten a wall-clock gap by the DST saving).
     */
    Duration minimumInterval() {
        int[] ms = values(minutes, 0, 59);
        int[] hs = values(hours, 0, 23);
        long best = Long.MAX_VALUE;
        for (int i = 1; i < ms.length; i++) {
            best = Math.min(best, ms[i] - ms[i - 1]);
        }
        int hourGap = 24;
        for (int i = 1; i < hs.length; i++) {
            hourGap = Math.min(hourGap, hs[i] - hs[i - 1]);
        }
        if (hs.length > 1) {
            hourGap = Math.min(hourGap, 24 - hs[hs.length - 1] + hs[0]);
        }
        best = Math.min(best, hourGap * 60L - (ms[ms.length - 1] - ms[0]));
        return Duration.ofMinutes(Math.max(1, best));
    }

    static boolean bit(long set, int i) {
        return (set & (1L << i)) != 0;
    }

    private static int[] values(long set, int min, int max) {
        return java.util.stream.IntStream.rangeClosed(min, max).filter(i -> bit(set, i)).toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CronExpression c && c.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
