package dev.hadoopkit.workflow.coord.time;

import java.util.Locale;

/**
 * Parses the text of a {@link CronExpression}: the five fields, Quartz's syntax in each (lists, ranges, steps, names,
 * {@code ? L W #}) and Oozie's rewrite of the two day fields. Every error names the whole expression, the field and
 * the value that is wrong.
 */
final class CronParser {
    private static final String[] FIELD_NAMES = {"minute", "hour", "day-of-month", "month", "day-of-week"};
    private static final int[] MIN = {0, 0, 1, 1, 1};
    private static final int[] MAX = {59, 23, 31, 12, 7};
    private static final String[] MONTH_NAMES =
            {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final String[] DAY_NAMES = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

    private final String expression;

    private CronParser(String expression) {
        this.expression = expression;
    }

    /** Parses a 5-field expression; IllegalArgumentException naming the field and value that is wrong. */
    static CronExpression parse(String text) {
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
        CronParser p = new CronParser(normalized);
        long minutes = p.simple(f[0], 0);
        long hours = p.simple(f[1], 1);
        long months = p.simple(f[3], 3);
        String domText = f[2].toUpperCase(Locale.ROOT);
        String dowText = f[4].toUpperCase(Locale.ROOT);
        CronDays.Mode mode;
        if (domText.equals("?") && dowText.equals("?")) {
            throw p.error("'?' can be used in only one of day-of-month and day-of-week, not both");
        } else if (domText.equals("?")) {
            mode = CronDays.Mode.DAY_OF_WEEK;
        } else if (dowText.equals("?")) {
            mode = CronDays.Mode.DAY_OF_MONTH;
        } else if (domText.equals("*")) {
            mode = CronDays.Mode.DAY_OF_WEEK;
        } else if (dowText.equals("*")) {
            mode = CronDays.Mode.DAY_OF_MONTH;
        } else {
            mode = CronDays.Mode.EITHER;
        }
        DomField dom = domText.equals("?") ? new DomField(0, false, 0, false, 0) : p.dayOfMonth(domText);
        DowField dow = dowText.equals("?") ? new DowField(0, 0, 0, 0) : p.dayOfWeek(dowText);
        return new CronExpression(normalized, minutes, hours, months, new CronDays(mode, dom, dow));
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("invalid cron expression '" + expression + "': " + what);
    }

    private DomField dayOfMonth(String field) {
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

    private DowField dayOfWeek(String field) {
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
    private long simple(String field, int index) {
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

    /** Day-of-month: a set of days, {@code L} or {@code L-n}, {@code LW}, or the weekday nearest a day (15W). */
    record DomField(long bits, boolean last, int lastOffset, boolean lastWeekday, int nearestWeekday) {
    }

    /** Day-of-week (1=SUN..7=SAT): a set of days, the last such day ({@code 6L}) or the n-th ({@code 6#3}). */
    record DowField(long bits, int lastOf, int nthDay, int nth) {
    }
}
