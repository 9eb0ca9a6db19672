package dev.hadoopkit.workflow.coord.time;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
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
 * .getNextValidActionTimeForCronFrequency) rewrites the expression first, and this class does the same:
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
public final class CronExpression {

    private static final String[] FIELD_NAMES = {"minute", "hour", "day-of-month", "month", "day-of-week"};
    private static final int[] MIN = {0, 0, 1, 1, 1};
    private static final int[] MAX = {59, 23, 31, 12, 7};
    private static final String[] MONTH_NAMES =
            {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final String[] DAY_NAMES = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    /** The Gregorian calendar repeats every 400 years: a day pattern not met in that span is never met. */
    private static final int SEARCH_YEARS = 401;

    private enum DayMode { DAY_OF_MONTH, DAY_OF_WEEK, EITHER }

    private final String text;
    private final long minutes;
    private final long hours;
    private final long months;
    private final DayMode dayMode;
    // day-of-month
    private final long daysOfMonth;
    private final boolean lastDayOfMonth;
    private final int lastDayOffset;
    private final boolean lastWeekdayOfMonth;
    private final int nearestWeekdayTo;
    // day-of-week (Quartz numbering 1=SUN..7=SAT)
    private final long daysOfWeek;
    private final int lastDayOfWeekInMonth;
    private final int nthDayOfWeek;
    private final int nth;

    private CronExpression(String text, long minutes, long hours, long months, DayMode dayMode, DomField dom,
            DowField dow) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.months = months;
        this.dayMode = dayMode;
        this.daysOfMonth = dom.bits;
        this.lastDayOfMonth = dom.last;
        this.lastDayOffset = dom.lastOffset;
        this.lastWeekdayOfMonth = dom.lastWeekday;
        this.nearestWeekdayTo = dom.nearestWeekday;
        this.daysOfWeek = dow.bits;
        this.lastDayOfWeekInMonth = dow.lastOf;
        this.nthDayOfWeek = dow.nthDay;
        this.nth = dow.nth;
    }

    /** Parses a 5-field expression; IllegalArgumentException naming the field and value that is wrong. */
    public static CronExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("invalid cron expression '': expected 5 fields "
                    + "(minute hour day-of-month month day-of-week), e.g. '0 2 * * *'");
        }
        String normalized = text.trim().replaceAll("\\s+", " ");
        String[] f = normalized.split(" ");
        if (f.length != 5) {
            throw new IllegalArgumentException("invalid cron expression '" + normalized + "': expected 5 fields "
                    + "(minute hour day-of-month month day-of-week) but found " + f.length
                    + (f.length == 6 ? " (Oozie adds the seconds field itself; leave it out)" : ""));
        }
        Parser p = new Parser(normalized);
        long minutes = p.simple(f[0], 0);
        long hours = p.simple(f[1], 1);
        long months = p.simple(f[3], 3);
        String domText = f[2].toUpperCase(Locale.ROOT);
        String dowText = f[4].toUpperCase(Locale.ROOT);
        DayMode mode;
        if (domText.equals("?") && dowText.equals("?")) {
            throw p.error("'?' can be used in only one of day-of-month and day-of-week, not both");
        } else if (domText.equals("?")) {
            mode = DayMode.DAY_OF_WEEK;
        } else if (dowText.equals("?")) {
            mode = DayMode.DAY_OF_MONTH;
        } else if (domText.equals("*")) {
            mode = DayMode.DAY_OF_WEEK;
        } else if (dowText.equals("*")) {
            mode = DayMode.DAY_OF_MONTH;
        } else {
            mode = DayMode.EITHER;
        }
        DomField dom = domText.equals("?") ? new DomField(0, false, 0, false, 0) : p.dayOfMonth(domText);
        DowField dow = dowText.equals("?") ? new DowField(0, 0, 0, 0) : p.dayOfWeek(dowText);
        return new CronExpression(normalized, minutes, hours, months, mode, dom, dow);
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
            if (dayMatches(date)) {
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
                && bit(months, time.getMonthValue()) && dayMatches(time.toLocalDate());
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

    private boolean dayMatches(LocalDate date) {
        return switch (dayMode) {
            case DAY_OF_MONTH -> dayOfMonthMatches(date);
            case DAY_OF_WEEK -> dayOfWeekMatches(date);
            case EITHER -> dayOfMonthMatches(date) || dayOfWeekMatches(date);
        };
    }

    private boolean dayOfMonthMatches(LocalDate date) {
        int day = date.getDayOfMonth();
        int length = date.lengthOfMonth();
        if (lastDayOfMonth) {
            return day == Math.max(1, length - lastDayOffset);
        }
        if (lastWeekdayOfMonth) {
            LocalDate last = date.withDayOfMonth(length);
            return day == nearestWeekdayInMonth(last).getDayOfMonth();
        }
        if (nearestWeekdayTo > 0) {
            if (nearestWeekdayTo > length) {
                return false;
            }
            return day == nearestWeekdayInMonth(date.withDayOfMonth(nearestWeekdayTo)).getDayOfMonth();
        }
        return bit(daysOfMonth, day);
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
        int dow = date.getDayOfWeek().getValue() % 7 + 1; // SUN=1 .. SAT=7
        if (lastDayOfWeekInMonth > 0) {
            return dow == lastDayOfWeekInMonth && date.plusDays(7).getMonthValue() != date.getMonthValue();
        }
        if (nthDayOfWeek > 0) {
            return dow == nthDayOfWeek && (date.getDayOfMonth() - 1) / 7 + 1 == nth;
        }
        return bit(daysOfWeek, dow);
    }

    private static boolean bit(long set, int i) {
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

    private record DomField(long bits, boolean last, int lastOffset, boolean lastWeekday, int nearestWeekday) {
    }

    private record DowField(long bits, int lastOf, int nthDay, int nth) {
    }

    /** Parses the fields of one expression, so that every error names the whole expression. */
    private static final class Parser {
        private final String expression;

        Parser(String expression) {
            this.expression = expression;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("invalid cron expression '" + expression + "': " + what);
        }

        DomField dayOfMonth(String field) {
            if (field.equals("L")) {
                return new DomField(0, true, 0, false, 0);
            }
            if (field.equals("LW")) {
                return new DomField(0, false, 0, true, 0);
            }
            if (field.startsWith("L-")) {
                int offset = number(field.substring(2), 2, field);
                if (offset > 30) {
                    throw error("day-of-month offset " + offset + " in '" + field + "' is out of range 0-30");
                }
                return new DomField(0, true, offset, false, 0);
            }
            if (field.endsWith("W")) {
                String day = field.substring(0, field.length() - 1);
                if (!day.matches("\\d+")) {
                    throw error("day-of-month '" + field + "': W must follow a single day (e.g. 15W) or L (LW); "
                            + "it cannot be used with lists or ranges");
                }
                return new DomField(0, false, 0, false, range(number(day, 2, field), 2, field));
            }
            if (field.contains("L") || field.contains("W")) {
                throw error("day-of-month '" + field + "': L and W cannot be combined with other days (use L, L-3, "
                        + "LW or 15W alone)");
            }
            return new DomField(simple(field, 2), false, 0, false, 0);
        }

        DowField dayOfWeek(String field) {
            if (field.equals("L")) {
                return new DowField(1L << 7, 0, 0, 0); // Quartz: L alone in day-of-week is Saturday
            }
            if (field.contains("#")) {
                String[] parts = field.split("#", -1);
                if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                    throw error("day-of-week '" + field + "': use day#n for the n-th such day of the month, "
                            + "e.g. 6#3 or FRI#3 (third Friday)");
                }
                int day = range(value(parts[0], 4, field), 4, field);
                int n = number(parts[1], 4, field);
                if (n < 1 || n > 5) {
                    throw error("day-of-week '" + field + "': the week number " + n + " after '#' must be 1-5");
                }
                return new DowField(0, 0, day, n);
            }
            if (field.endsWith("L")) {
                String day = field.substring(0, field.length() - 1);
                if (day.contains(",") || day.contains("-") || day.contains("/") || day.isEmpty()) {
                    throw error("day-of-week '" + field + "': L must follow a single day (e.g. 6L or FRIL for the "
                            + "last Friday); it cannot be used with lists or ranges");
                }
                return new DowField(0, range(value(day, 4, field), 4, field), 0, 0);
            }
            return new DowField(simple(field, 4), 0, 0, 0);
        }

        /** A field of lists, ranges, steps and '*' (no L, W, #, ?). */
        long simple(String field, int index) {
            String name = FIELD_NAMES[index];
            if (field.equals("?")) {
                throw error("'?' is only allowed in day-of-month or day-of-week, not in the " + name + " field");
            }
            long bits = 0;
            for (String item : field.split(",", -1)) {
                bits |= item(item, index, field);
            }
            return bits;
        }

        private long item(String item, int index, String field) {
            String name = FIELD_NAMES[index];
            if (item.isEmpty()) {
                throw error(name + " '" + field + "' has an empty list element");
            }
            String rangePart = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                rangePart = item.substring(0, slash);
                String stepText = item.substring(slash + 1);
                step = number(stepText, index, field);
                int span = MAX[index] - MIN[index] + 1;
                if (step < 1 || step >= span + (index == 4 ? 1 : 0)) {
                    throw error(name + " step " + step + " in '" + item + "' must be between 1 and "
                            + (span - (index == 4 ? 0 : 1)));
                }
            }
            int from;
            int to;
            if (rangePart.equals("*")) {
                from = MIN[index];
                to = MAX[index];
            } else if (rangePart.contains("-")) {
                String[] ends = rangePart.split("-", -1);
                if (ends.length != 2 || ends[0].isEmpty() || ends[1].isEmpty()) {
                    throw error(name + " range '" + item + "' must look like 5-20");
                }
                from = range(value(ends[0], index, field), index, field);
                to = range(value(ends[1], index, field), index, field);
            } else {
                from = range(value(rangePart, index, field), index, field);
                to = slash >= 0 ? MAX[index] : from; // Quartz: 10/20 means from 10 to the end, every 20
            }
            long bits = 0;
            if (from <= to) {
                for (int i = from; i <= to; i += step) {
                    bits |= 1L << i;
                }
            } else { // Quartz allows ranges that wrap: 22-2, FRI-MON
                int span = MAX[index] - MIN[index] + 1;
                int length = to + span - from;
                for (int k = 0; k <= length; k += step) {
                    int v = from + k;
                    if (v > MAX[index]) {
                        v -= span;
                    }
                    bits |= 1L << v;
                }
            }
            return bits;
        }

        /** A number or, in month and day-of-week, a name. */
        private int value(String token, int index, String field) {
            if (index == 3 || index == 4) {
                String[] names = index == 3 ? MONTH_NAMES : DAY_NAMES;
                for (int i = 0; i < names.length; i++) {
                    if (names[i].equalsIgnoreCase(token)) {
                        return i + 1;
                    }
                }
                if (!token.matches("\\d+")) {
                    throw error(FIELD_NAMES[index] + " '" + token + "' is not a number or a name ("
                            + (index == 3 ? "JAN-DEC" : "SUN-SAT") + ")");
                }
            }
            return number(token, index, field);
        }

        private int number(String token, int index, String field) {
            if (!token.matches("\\d{1,9}")) {
                throw error(FIELD_NAMES[index] + " '" + field + "': '" + token + "' is not a number");
            }
            return Integer.parseInt(token);
        }

        private int range(int v, int index, String field) {
            if (v < MIN[index] || v > MAX[index]) {
                String hint = "";
                if (index == 4 && v == 0) {
                    hint = " (Oozie uses Quartz's numbering 1=SUN..7=SAT; write 1 or SUN for Sunday)";
                }
                throw error(FIELD_NAMES[index] + " " + v + " is out of range " + MIN[index] + "-" + MAX[index]
                        + hint);
            }
            return v;
        }
    }
}
